Feature: No phone reaches a user who may not see it
  Spec: userForeign is "not a contact" and carries no phone; a phone is "not available" until the
  rules of "Requests" make it so. Every answer of every scenario is scanned, whole, for the phone
  of any user the caller may not see (the only exception is the phone in a contact message, which
  its sender chose to send). This feature reads everything strangers can read of each other.

  @REQ-PRIVACY @REQ-S2-NO-REVEAL @must
  Scenario Outline: Strangers read each other everywhere and find no phone (layer <layer>)
    Given A and B met in a chat made by C
    When A sends a message to B at layer <layer>
    And B sends a message to A at layer <layer>
    And A sends a message to their chat at layer <layer>
    Then A sees B as userForeign without a phone
    And B sees A as userForeign without a phone
    And no answer to A so far held a phone that user may not see
    And no answer to B so far held a phone that user may not see

    Examples:
      | layer |
      |     1 |

    @needs-layer-3
    Examples:
      | layer |
      |     3 |

  @REQ-SCHEMA @REQ-S1-REVEAL-REVERSE @must
  Scenario Outline: Every answer matches the schema of the layer its request declared (layer <layer>)
    Given A has B's number in contacts
    And A and B met in a chat made by C
    When A sends own contact to B at layer <layer>
    And B sends a message to A at layer <layer>
    Then B sees A as userRequest with A's phone
    And every answer so far matched the schema of its declared layer

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
