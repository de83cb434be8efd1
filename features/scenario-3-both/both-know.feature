Feature: Both users know each other's number
  Spec ("Requests", Both user know each other number):
  "This is quite obvious: messaging does not change links since target state has been reached."

  @REQ-S3-STABLE @must
  Scenario Outline: Messages both ways change no link (layer <layer>)
    Given A and B have each other's numbers
    When A sends a message to B at layer <layer>
    And B sends a message to A at layer <layer>
    Then A sees B as userContact with B's phone
    And B sees A as userContact with A's phone
    And A's send result reports no changed link
    And B's send result reports no changed link
    And neither A nor B got an updateContactLink since the first send

    Examples:
      | layer |
      |     1 |

    @needs-layer-3
    Examples:
      | layer |
      |     3 |

  @REQ-LINK-VALUES @should @needs-layer-3
  Scenario: Mutual contacts hold the final link pair
    Given A and B have each other's numbers
    When A sends a message to B at layer 3
    Then A's link to B is myLinkContact and foreignLinkMutual
    And B's link to A is myLinkContact and foreignLinkMutual
