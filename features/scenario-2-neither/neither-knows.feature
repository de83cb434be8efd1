Feature: Users do not know numbers of each other
  Spec ("Requests", Users do not know numbers of each other):
  "User A has found user B in a chat, geochat or any other way. For both of them phone numbers
  are not available (in API - constructor userForeign). A starts chat with B. When messaging A's
  number will not become available for B and vice versa. To provide B with A's number it is
  necessary to send him personal message with contact info (phone number should be transferred in
  constructor inputMediaContact using method messages.sendMedia). Now B having personal message
  with A's phone number can store it in his phone book and import it using method
  contacts.importContacts to have it in contacts. With all that, it is not mandatory for him to
  send his number: after any message later between them B's number will be available for A."

  Background:
    Given A and B met in a chat made by C

  @REQ-S2-FOREIGN @must
  Scenario: Users who met in a chat see each other as userForeign
    Then A sees B as userForeign without a phone
    And B sees A as userForeign without a phone

  @REQ-S2-NO-REVEAL @must
  Scenario Outline: Messages both ways reveal neither number (layer <layer>)
    When A sends a message to B at layer <layer>
    And B sends a message to A at layer <layer>
    Then A sees B as userForeign without a phone
    And B sees A as userForeign without a phone

    Examples:
      | layer |
      |     1 |

    @needs-layer-2
    Examples:
      | layer |
      |     2 |

    @needs-layer-3
    Examples:
      | layer |
      |     3 |

  @REQ-S2-CONTACT-MEDIA @must
  Scenario Outline: A's contact message reaches B intact (layer <layer>)
    When A sends own contact to B at layer <layer>
    Then B receives A's contact with the phone, the names and the user id

    Examples:
      | layer |
      |     1 |

    @needs-layer-3
    Examples:
      | layer |
      |     3 |

  @REQ-S2-IMPORT @must
  Scenario: B imports A's number from the contact message
    When A sends own contact to B at layer 1
    And B imports A's number from the contact message
    Then B's import result lists A
    And B sees A as userContact with A's phone
    And A is in B's contacts

  @REQ-S2-IMPORT-NO-REVEAL @must
  Scenario: B's import alone does not make B's number available to A
    When A sends own contact to B at layer 1
    And B imports A's number from the contact message
    Then A sees B as userForeign without a phone

  @REQ-S2-LATER-REVEAL @must
  Scenario Outline: After the import, a message from <sender> makes B's number available to A (layer <layer>)
    When A sends own contact to B at layer 1
    And B imports A's number from the contact message
    And <sender> sends a message to <receiver> at layer <layer>
    Then A sees B as userRequest with B's phone

    Examples:
      | sender | receiver | layer |
      | A      | B        |     1 |
      | B      | A        |     1 |

    @needs-layer-2
    Examples:
      | sender | receiver | layer |
      | B      | A        |     2 |

    @needs-layer-3
    Examples:
      | sender | receiver | layer |
      | A      | B        |     3 |
