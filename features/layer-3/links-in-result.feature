Feature: The sender reads the links its send changed from the result (layer 3)
  Spec ("Requests", Technical features):
  "Since when sending messages to a current user updates on changed links are not sent
  constructors containing updated links were added to resulting types of messaging methods:
  messages.statedMessagesLinks, messages.statedMessageLink, messages.sentMessageLink ...
  To indicate for clients that these constructors are supported one should use 3rd layer."

  @REQ-L3-LINKS-IN-RESULT @must @needs-layer-3
  Scenario Outline: <result> carries the changed link when A <kind> B
    Given A has B's number in contacts
    When A <kind> B at layer 3
    Then A's send result is <result> carrying the changed link to B

    Examples:
      | kind                 | result                       |
      | sends a message to   | messages.sentMessageLink     |
      | sends own contact to | messages.statedMessageLink   |
      | forwards messages to | messages.statedMessagesLinks |

    @needs-forwardMessage
    Examples:
      | kind                  | result                     |
      | forwards a message to | messages.statedMessageLink |

  @REQ-L3-LINKS-IN-RESULT @must @needs-layer-3
  Scenario: The receiver's own send also carries its changed link
    Given A has B's number in contacts
    And A and B met in a chat made by C
    When B sends a message to A at layer 3
    Then B's send result is messages.sentMessageLink carrying the changed link to A

  @REQ-L3-LINK-USER @must @needs-layer-3
  Scenario Outline: The link's user is the peer as the sender now sees it (<who> sends)
    Given A has B's number in contacts
    And A and B met in a chat made by C
    When <who> sends a message to <peer> at layer 3
    Then the link to <peer> in <who>'s send result shows <peer> as users.getUsers does right after

    Examples:
      | who | peer |
      | A   | B    |
      | B   | A    |

  @REQ-L3-NO-CHANGE @should @needs-layer-3
  Scenario: A send that changes nothing carries no changed link
    Given A and B met in a chat made by C
    When A sends a message to B at layer 3
    Then A's send result reports no changed link

  @REQ-L3-LAYER-GATE @must
  Scenario Outline: Before layer 3 the sender gets the plain constructors (<kind>, layer <layer>)
    Given A has B's number in contacts
    When A <kind> to B at layer <layer>
    Then A's send result is the plain <plain>

    Examples:
      | kind              | layer | plain                   |
      | sends a message   |     1 | messages.sentMessage    |
      | sends own contact |     1 | messages.statedMessage  |
      | forwards messages |     1 | messages.statedMessages |

    @needs-layer-2
    Examples:
      | kind              | layer | plain                   |
      | sends a message   |     2 | messages.sentMessage    |
      | sends own contact |     2 | messages.statedMessage  |
      | forwards messages |     2 | messages.statedMessages |

  @REQ-L3-NO-SELF-UPDATE @should
  Scenario Outline: The sender gets no updateContactLink for its own change (layer <layer>)
    Given A has B's number in contacts
    When A sends a message to B at layer <layer>
    Then A gets no updateContactLink for B since its send

    Examples:
      | layer |
      |     1 |

    @needs-layer-3
    Examples:
      | layer |
      |     3 |

  @REQ-LINK-PEER-UPDATE @should @needs-layer-3
  Scenario Outline: The other party gets updateContactLink for the change (<sender> sends)
    Given A has B's number in contacts
    And A and B met in a chat made by C
    When <sender> sends a message to <receiver> at layer 3
    Then <receiver> gets an updateContactLink for <sender>

    Examples:
      | sender | receiver |
      | A      | B        |
      | B      | A        |

  @REQ-LINK-VALUES @should
  Scenario: The link pair before and after A's message follows the link table
    Given A has B's number in contacts
    And A and B met in a chat made by C
    Then A's link to B is myLinkContact and foreignLinkUnknown
    And B's link to A is myLinkRequested(contact=false) and foreignLinkRequested(has_phone=false)
    When A sends a message to B at layer 1
    Then A's link to B is myLinkRequested(contact=true) and foreignLinkUnknown
    And B's link to A is myLinkRequested(contact=false) and foreignLinkRequested(has_phone=true)
