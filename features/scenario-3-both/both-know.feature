Feature: Both users know each other's number
  Spec ("Requests", Both user know each other number):
  "This is quite obvious: messaging does not change links since target state has been reached."

  @REQ-S3-STABLE @REQ-CONTACTS-MUTUAL @must
  Scenario Outline: Messages both ways by <send> change no link (layer <layer>)
    Every view includes each user's contacts.getContacts, where the other stays a mutual contact
    whatever messages went between them (CONTACTS-MUTUAL).

    Given A and B have each other's numbers
    When A messages B by <send> at layer <layer>
    And B messages A by <send> at layer <layer>
    Then A sees B as userContact with B's phone
    And B sees A as userContact with A's phone
    And A's send result reports no changed link
    And B's send result reports no changed link
    And every user got exactly the updateContactLink the link table requires
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

  @REQ-LINK-VALUES @should @needs-layer-3
  Scenario: Mutual contacts hold the final link pair
    Given A and B have each other's numbers
    When A messages B by messages.sendMessage at layer 3
    Then A's link to B is myLinkContact and foreignLinkMutual
    And B's link to A is myLinkContact and foreignLinkMutual
