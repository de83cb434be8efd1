Feature: One user knows the other's number
  Spec ("Requests", One user knows the other's number):
  "User A knows phone number of B (for instance, A has B's number in the phone book). But B does
  not know A's number. User A sends message to B. Immediately prior to sending a message relevant
  check is executed at the server side and the link between A and B will change automatically:
  A's number becomes available for B (user A is then presented as constructor userRequest). The
  same happens if user B not having A's number sends a message to the latter. A's number also
  becomes available to B."

  "A has B's number" means A imported B with contacts.importContacts. "A message" is any private
  message: messages.sendMessage, messages.sendMedia (each media kind the binding requires),
  messages.forwardMessage (layer 3) and messages.forwardMessages. "Every view" is every User
  object for a user in every answer (docs/semantics.md, Words); "every view of every user is as
  the link table says" reads them all for every user of the scenario.

  @REQ-S1-REVEAL @REQ-S1-BEFORE-SEND @must
  Scenario Outline: A's message by <send> makes A's number available to B (layer <layer>)
    Given A has B's number in contacts
    When A messages B by <send> at layer <layer>
    Then the update that delivers A's message to B already shows A as userRequest with A's phone
    And B sees A as userRequest with A's phone
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

  @REQ-S1-REVEAL-REVERSE @must
  Scenario Outline: B's message by <send> to A also makes A's number available to B (layer <layer>)
    Given A has B's number in contacts
    And A and B met in a chat made by C
    When B messages A by <send> at layer <layer>
    Then B sees A as userRequest with A's phone
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

  @REQ-S1-BEFORE-SEND @must
  Scenario Outline: B's own answer to its message by <send> already shows A's number (layer <layer>)
    The check runs before the message is stored, so the users (and at layer 3 the links) of B's
    send result show A as it stands after the check. messages.sentMessage carries no user, so
    messages.sendMessage is here only at layer 3, where the link's user shows it.

    Given A has B's number in contacts
    And A and B met in a chat made by C
    When B messages A by <send> at layer <layer>
    Then B's send result already shows A as userRequest with A's phone

    Examples: layer 1
      | send                                | layer |
      | messages.sendMedia with own contact |     1 |
      | messages.sendMedia with a geo point |     1 |
      | messages.forwardMessages            |     1 |

    @needs-layer-2
    Examples: layer 2
      | send                                | layer |
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

  @REQ-S1-NO-EARLY-REVEAL @must
  Scenario: Before any message, B does not see A's number although A has B's
    Given A has B's number in contacts
    And A and B met in a chat made by C
    Then B sees A as userForeign without a phone
    And every view of every user is as the link table says

  @REQ-S1-NO-EARLY-REVEAL @must
  Scenario Outline: A message by <send> in a shared chat reveals nothing (layer <layer>)
    Given A has B's number in contacts
    And A and B met in a chat made by C
    When A messages their chat by <send> at layer <layer>
    And B messages their chat by <send> at layer <layer>
    Then B sees A as userForeign without a phone
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
