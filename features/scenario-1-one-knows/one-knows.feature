Feature: One user knows the other's number
  Spec ("Requests", One user knows the other's number):
  "User A knows phone number of B (for instance, A has B's number in the phone book). But B does
  not know A's number. User A sends message to B. Immediately prior to sending a message relevant
  check is executed at the server side and the link between A and B will change automatically:
  A's number becomes available for B (user A is then presented as constructor userRequest). The
  same happens if user B not having A's number sends a message to the latter. A's number also
  becomes available to B."

  "A has B's number" means A imported B with contacts.importContacts. "Every view" is
  users.getUsers, users.getFullUser (user and link), and the users of getDifference and getDialogs.

  @REQ-S1-REVEAL @must
  Scenario Outline: A's message makes A's number available to B (layer <layer>)
    Given A has B's number in contacts
    When A sends a message to B at layer <layer>
    Then B sees A as userRequest with A's phone

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

  @REQ-S1-REVEAL-REVERSE @must
  Scenario Outline: B's message to A also makes A's number available to B (layer <layer>)
    Given A has B's number in contacts
    And A and B met in a chat made by C
    When B sends a message to A at layer <layer>
    Then B sees A as userRequest with A's phone

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

  @REQ-S1-BEFORE-SEND @must
  Scenario Outline: The update that delivers A's first message already shows A's number (layer <layer>)
    Given A has B's number in contacts
    When A sends a message to B at layer <layer>
    Then the update that delivers A's message to B already carries A as userRequest with the phone

    Examples:
      | layer |
      |     1 |

    @needs-layer-3
    Examples:
      | layer |
      |     3 |

  @REQ-S1-NO-EARLY-REVEAL @must
  Scenario: Before any message, B does not see A's number although A has B's
    Given A has B's number in contacts
    And A and B met in a chat made by C
    Then B sees A as userForeign without a phone

  @REQ-S1-NO-EARLY-REVEAL @must
  Scenario: A message in a shared chat reveals nothing
    Given A has B's number in contacts
    And A and B met in a chat made by C
    When A sends a message to their chat at layer 1
    Then B sees A as userForeign without a phone
