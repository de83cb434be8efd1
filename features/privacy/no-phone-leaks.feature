Feature: No phone reaches a user who may not see it
  Spec: userForeign is "not a contact" and carries no phone; a phone is "not available" until the
  rules of "Requests" make it so. Every answer of every scenario is searched, whole (every header
  and the whole body), for the phone of any user the caller may not see, in any usual writing
  (digits alone, with +, spaces, dashes, dots or brackets). The one exception is the phone_number
  of a contact card that a user of the scenario really sent to that caller.

  @REQ-PRIVACY @REQ-S2-NO-REVEAL @must
  Scenario Outline: Strangers read each other everywhere after messages by <send> and find no phone (layer <layer>)
    Given A and B met in a chat made by C
    When A messages B by <send> at layer <layer>
    And B messages A by <send> at layer <layer>
    And A messages their chat by <send> at layer <layer>
    Then A sees B as userForeign without a phone
    And B sees A as userForeign without a phone
    And no answer to A so far held a phone that user may not see
    And no answer to B so far held a phone that user may not see

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

  @REQ-PRIVACY @must
  Scenario Outline: A card with C's number reaches B from A, and only the card shows it (layer <layer>)
    Given A and B met in a chat made by C
    When A sends C's contact card to B at layer <layer>
    Then B sees C as userForeign without a phone
    And no answer to B so far held a phone that user may not see

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

  @REQ-PRIVACY @must
  Scenario Outline: A card that C forwards to B by <forward> shows its number to B, and only the card does (layer <layer>)
    Given A and B met in a chat made by C
    And A and C met in a chat made by D
    When A sends D's contact card to C at layer 1
    And C forwards to B the latest message from A by <forward> at layer <layer>
    Then B sees D as userForeign without a phone
    And no answer to B so far held a phone that user may not see

    Examples: forwardMessages, layer 1
      | forward                  | layer |
      | messages.forwardMessages |     1 |

    @needs-layer-2
    Examples: forwardMessages, layer 2
      | forward                  | layer |
      | messages.forwardMessages |     2 |

    @needs-layer-3
    Examples: forwardMessages, layer 3
      | forward                  | layer |
      | messages.forwardMessages |     3 |

    @needs-layer-3 @needs-forwardMessage
    Examples: forwardMessage
      | forward                 | layer |
      | messages.forwardMessage |     3 |

  @REQ-SCHEMA @must
  Scenario Outline: Every answer matches the schema of the layer its request declared (layer <layer>)
    Given A has B's number in contacts
    And A and B met in a chat made by C
    When A sends own contact to B at layer <layer>
    And B messages A by messages.sendMessage at layer <layer>
    Then B sees A as userRequest with A's phone
    And every answer so far matched the schema of its declared layer

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
