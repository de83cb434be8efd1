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
    And every view of every user is as the link table says

  @REQ-S2-NO-REVEAL @must
  Scenario Outline: Messages both ways by <send> reveal neither number (layer <layer>)
    When A messages B by <send> at layer <layer>
    And B messages A by <send> at layer <layer>
    Then A sees B as userForeign without a phone
    And B sees A as userForeign without a phone
    And every view of every user is as the link table says

    Examples: layer 1
      | send                                | layer |
      | messages.sendMessage                |     1 |
      | messages.sendMedia with own contact |     1 |
      | messages.sendMedia with a geo point |     1 |
      | messages.forwardMessages            |     1 |

    @needs-layer-2
    Examples: layer 2
      | send                                | layer |
      | messages.sendMessage                |     2 |
      | messages.sendMedia with own contact |     2 |
      | messages.sendMedia with a geo point |     2 |
      | messages.forwardMessages            |     2 |

    @needs-layer-3
    Examples: layer 3
      | send                                | layer |
      | messages.sendMessage                |     3 |
      | messages.sendMedia with own contact |     3 |
      | messages.sendMedia with a geo point |     3 |
      | messages.forwardMessages            |     3 |

    @needs-layer-3 @needs-forwardMessage
    Examples: layer 3, forwardMessage
      | send                    | layer |
      | messages.forwardMessage |     3 |

  @REQ-S2-CONTACT-MEDIA @must
  Scenario Outline: <sender>'s contact message reaches <receiver> intact (layer <layer>)
    When <sender> sends own contact to <receiver> at layer <layer>
    Then <receiver> receives <sender>'s contact with the phone, the names and the user id

    Examples: layer 1
      | sender | receiver | layer |
      | A      | B        |     1 |
      | B      | A        |     1 |

    @needs-layer-2
    Examples: layer 2
      | sender | receiver | layer |
      | A      | B        |     2 |
      | B      | A        |     2 |

    @needs-layer-3
    Examples: layer 3
      | sender | receiver | layer |
      | A      | B        |     3 |
      | B      | A        |     3 |

  @REQ-S2-IMPORT @must
  Scenario Outline: B imports A's number from the contact message (card at layer <layer>)
    When A sends own contact to B at layer <layer>
    And B imports A's number from the contact message
    Then B's import result lists A
    And B sees A as userContact with A's phone
    And A is in B's contacts
    And every view of every user is as the link table says

    Examples: layer 1
      | layer |
      |     1 |

    @needs-layer-2
    Examples: layer 2
      | layer |
      |     2 |

    @needs-layer-3
    Examples: layer 3
      | layer |
      |     3 |

  @REQ-S2-IMPORT-NO-REVEAL @must
  Scenario Outline: B's import alone does not make B's number available to A (card at layer <layer>)
    When A sends own contact to B at layer <layer>
    And B imports A's number from the contact message
    Then A sees B as userForeign without a phone
    And every view of every user is as the link table says

    Examples: layer 1
      | layer |
      |     1 |

    @needs-layer-2
    Examples: layer 2
      | layer |
      |     2 |

    @needs-layer-3
    Examples: layer 3
      | layer |
      |     3 |

  @REQ-S2-LATER-REVEAL @must
  Scenario Outline: After the import, <sender>'s message by <send> makes B's number available to A (layer <layer>)
    When A sends own contact to B at layer 1
    And B imports A's number from the contact message
    And <sender> messages <receiver> by <send> at layer <layer>
    Then A sees B as userRequest with B's phone
    And every view of every user is as the link table says

    Examples: layer 1
      | sender | receiver | send                                | layer |
      | A      | B        | messages.sendMessage                |     1 |
      | B      | A        | messages.sendMessage                |     1 |
      | A      | B        | messages.sendMedia with own contact |     1 |
      | B      | A        | messages.sendMedia with own contact |     1 |
      | A      | B        | messages.sendMedia with a geo point |     1 |
      | B      | A        | messages.sendMedia with a geo point |     1 |
      | A      | B        | messages.forwardMessages            |     1 |
      | B      | A        | messages.forwardMessages            |     1 |

    @needs-layer-2
    Examples: layer 2
      | sender | receiver | send                                | layer |
      | A      | B        | messages.sendMessage                |     2 |
      | B      | A        | messages.sendMessage                |     2 |
      | A      | B        | messages.sendMedia with own contact |     2 |
      | B      | A        | messages.sendMedia with own contact |     2 |
      | A      | B        | messages.sendMedia with a geo point |     2 |
      | B      | A        | messages.sendMedia with a geo point |     2 |
      | A      | B        | messages.forwardMessages            |     2 |
      | B      | A        | messages.forwardMessages            |     2 |

    @needs-layer-3
    Examples: layer 3
      | sender | receiver | send                                | layer |
      | A      | B        | messages.sendMessage                |     3 |
      | B      | A        | messages.sendMessage                |     3 |
      | A      | B        | messages.sendMedia with own contact |     3 |
      | B      | A        | messages.sendMedia with own contact |     3 |
      | A      | B        | messages.sendMedia with a geo point |     3 |
      | B      | A        | messages.sendMedia with a geo point |     3 |
      | A      | B        | messages.forwardMessages            |     3 |
      | B      | A        | messages.forwardMessages            |     3 |

    @needs-layer-3 @needs-forwardMessage
    Examples: layer 3, forwardMessage
      | sender | receiver | send                    | layer |
      | A      | B        | messages.forwardMessage |     3 |
      | B      | A        | messages.forwardMessage |     3 |
