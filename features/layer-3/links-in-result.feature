Feature: The sender reads the links its send changed from the result (layer 3)
  Spec ("Requests", Technical features):
  "Since when sending messages to a current user updates on changed links are not sent
  constructors containing updated links were added to resulting types of messaging methods:
  messages.statedMessagesLinks, messages.statedMessageLink, messages.sentMessageLink ...
  To indicate for clients that these constructors are supported one should use 3rd layer."

  A has B's number and B has not A's, so a message either way changes the sender's link to the
  other: A's my_link (A's number becomes available to B) or B's view of A (A's number becomes
  available to B).

  @REQ-L3-LINKS-IN-RESULT @REQ-L3-LINK-USER @must @needs-layer-3
  Scenario Outline: <sender>'s message by <send> returns exactly the changed link to <peer>
    Given A has B's number in contacts
    And A and B met in a chat made by C
    When <sender> messages <peer> by <send> at layer 3
    Then <sender>'s send result carries exactly the changed link to <peer>
    And the link to <peer> in <sender>'s send result shows <peer> as users.getUsers does right after

    Examples: sendMessage, sendMedia, forwardMessages
      | sender | peer | send                                |
      | A      | B    | messages.sendMessage                |
      | B      | A    | messages.sendMessage                |
      | A      | B    | messages.sendMedia with own contact |
      | B      | A    | messages.sendMedia with own contact |
      | A      | B    | messages.sendMedia with a geo point |
      | B      | A    | messages.sendMedia with a geo point |
      | A      | B    | messages.forwardMessages            |
      | B      | A    | messages.forwardMessages            |

    @needs-forwardMessage
    Examples: forwardMessage
      | sender | peer | send                    |
      | A      | B    | messages.forwardMessage |
      | B      | A    | messages.forwardMessage |

  @REQ-L3-LAYER-GATE @must
  Scenario Outline: Before layer 3 <sender>'s message by <send> returns the plain constructor (layer <layer>)
    Given A has B's number in contacts
    And A and B met in a chat made by C
    When <sender> messages <peer> by <send> at layer <layer>
    Then <sender>'s send result is the plain constructor of its method
    And every view of every user is as the link table says

    Examples: layer 1
      | sender | peer | send                                | layer |
      | A      | B    | messages.sendMessage                |     1 |
      | B      | A    | messages.sendMessage                |     1 |
      | A      | B    | messages.sendMedia with own contact |     1 |
      | B      | A    | messages.sendMedia with own contact |     1 |
      | A      | B    | messages.sendMedia with a geo point |     1 |
      | B      | A    | messages.sendMedia with a geo point |     1 |
      | A      | B    | messages.forwardMessages            |     1 |
      | B      | A    | messages.forwardMessages            |     1 |

    @needs-layer-2
    Examples: layer 2
      | sender | peer | send                                | layer |
      | A      | B    | messages.sendMessage                |     2 |
      | B      | A    | messages.sendMessage                |     2 |
      | A      | B    | messages.sendMedia with own contact |     2 |
      | B      | A    | messages.sendMedia with own contact |     2 |
      | A      | B    | messages.sendMedia with a geo point |     2 |
      | B      | A    | messages.sendMedia with a geo point |     2 |
      | A      | B    | messages.forwardMessages            |     2 |
      | B      | A    | messages.forwardMessages            |     2 |

  @REQ-L3-NO-CHANGE @should @needs-layer-3
  Scenario Outline: A message by <send> that changes nothing carries no changed link (<who>)
    Given <setup>
    When A messages B by <send> at layer 3
    Then A's send result reports no changed link

    Examples: sendMessage, sendMedia, forwardMessages
      | who       | setup                             | send                                |
      | strangers | A and B met in a chat made by C   | messages.sendMessage                |
      | strangers | A and B met in a chat made by C   | messages.sendMedia with own contact |
      | strangers | A and B met in a chat made by C   | messages.sendMedia with a geo point |
      | strangers | A and B met in a chat made by C   | messages.forwardMessages            |
      | contacts  | A and B have each other's numbers | messages.sendMessage                |
      | contacts  | A and B have each other's numbers | messages.sendMedia with own contact |
      | contacts  | A and B have each other's numbers | messages.sendMedia with a geo point |
      | contacts  | A and B have each other's numbers | messages.forwardMessages            |

    @needs-forwardMessage
    Examples: forwardMessage
      | who       | setup                             | send                    |
      | strangers | A and B met in a chat made by C   | messages.forwardMessage |
      | contacts  | A and B have each other's numbers | messages.forwardMessage |

  @REQ-L3-NO-SELF-UPDATE @REQ-LINK-PEER-UPDATE @should
  Scenario Outline: Only the other party gets updateContactLink for <sender>'s message by <send> (layer <layer>)
    The sender learns the change from the result (layer 3) or from later views (layers 1 and 2),
    never from an update; the other party gets exactly one per change of its link, with the new
    values. The import that set the scene changed B's link to A too: B's update for it counts.

    Given A has B's number in contacts
    And A and B met in a chat made by C
    When <sender> messages <peer> by <send> at layer <layer>
    Then every user got exactly the updateContactLink the link table requires

    Examples: layer 1
      | sender | peer | send                                | layer |
      | A      | B    | messages.sendMessage                |     1 |
      | B      | A    | messages.sendMessage                |     1 |
      | A      | B    | messages.sendMedia with own contact |     1 |
      | B      | A    | messages.sendMedia with own contact |     1 |
      | A      | B    | messages.sendMedia with a geo point |     1 |
      | B      | A    | messages.sendMedia with a geo point |     1 |
      | A      | B    | messages.forwardMessages            |     1 |
      | B      | A    | messages.forwardMessages            |     1 |

    @needs-layer-2
    Examples: layer 2
      | sender | peer | send                                | layer |
      | A      | B    | messages.sendMessage                |     2 |
      | B      | A    | messages.sendMessage                |     2 |
      | A      | B    | messages.sendMedia with own contact |     2 |
      | B      | A    | messages.sendMedia with own contact |     2 |
      | A      | B    | messages.sendMedia with a geo point |     2 |
      | B      | A    | messages.sendMedia with a geo point |     2 |
      | A      | B    | messages.forwardMessages            |     2 |
      | B      | A    | messages.forwardMessages            |     2 |

    @needs-layer-3
    Examples: layer 3
      | sender | peer | send                                | layer |
      | A      | B    | messages.sendMessage                |     3 |
      | B      | A    | messages.sendMessage                |     3 |
      | A      | B    | messages.sendMedia with own contact |     3 |
      | B      | A    | messages.sendMedia with own contact |     3 |
      | A      | B    | messages.sendMedia with a geo point |     3 |
      | B      | A    | messages.sendMedia with a geo point |     3 |
      | A      | B    | messages.forwardMessages            |     3 |
      | B      | A    | messages.forwardMessages            |     3 |

    @needs-layer-3 @needs-forwardMessage
    Examples: layer 3, forwardMessage
      | sender | peer | send                    | layer |
      | A      | B    | messages.forwardMessage |     3 |
      | B      | A    | messages.forwardMessage |     3 |

  @REQ-LINK-PEER-UPDATE @should
  Scenario Outline: A message by <send> that changes no link brings nobody an updateContactLink (<who>, layer <layer>)
    Given <setup>
    When A messages B by <send> at layer <layer>
    And B messages A by <send> at layer <layer>
    Then every user got exactly the updateContactLink the link table requires

    Examples: layer 1
      | who       | setup                             | send                                | layer |
      | strangers | A and B met in a chat made by C   | messages.sendMessage                |     1 |
      | strangers | A and B met in a chat made by C   | messages.sendMedia with own contact |     1 |
      | strangers | A and B met in a chat made by C   | messages.sendMedia with a geo point |     1 |
      | strangers | A and B met in a chat made by C   | messages.forwardMessages            |     1 |
      | contacts  | A and B have each other's numbers | messages.sendMessage                |     1 |
      | contacts  | A and B have each other's numbers | messages.forwardMessages            |     1 |

    @needs-layer-3 @needs-forwardMessage
    Examples: layer 3, forwardMessage
      | who       | setup                             | send                    | layer |
      | strangers | A and B met in a chat made by C   | messages.forwardMessage |     3 |
      | contacts  | A and B have each other's numbers | messages.forwardMessage |     3 |

  @REQ-LINK-VALUES @should
  Scenario: The link pair before and after A's message follows the link table
    Given A has B's number in contacts
    And A and B met in a chat made by C
    Then A's link to B is myLinkContact and foreignLinkUnknown
    And B's link to A is myLinkRequested(contact=false) and foreignLinkRequested(has_phone=false)
    When A messages B by messages.sendMessage at layer 1
    Then A's link to B is myLinkRequested(contact=true) and foreignLinkUnknown
    And B's link to A is myLinkRequested(contact=false) and foreignLinkRequested(has_phone=true)

  @REQ-LINK-VALUES @should @needs-layer-3
  Scenario Outline: Every link, and the link in <sender>'s result for <send>, follows the link table
    Given A has B's number in contacts
    And A and B met in a chat made by C
    When <sender> messages <peer> by <send> at layer 3
    Then the links in <sender>'s send result follow the link table
    And every link of every user follows the link table

    Examples: sendMessage, sendMedia, forwardMessages
      | sender | peer | send                                |
      | A      | B    | messages.sendMessage                |
      | B      | A    | messages.sendMessage                |
      | A      | B    | messages.sendMedia with own contact |
      | B      | A    | messages.sendMedia with own contact |
      | A      | B    | messages.sendMedia with a geo point |
      | B      | A    | messages.sendMedia with a geo point |
      | A      | B    | messages.forwardMessages            |
      | B      | A    | messages.forwardMessages            |

    @needs-forwardMessage
    Examples: forwardMessage
      | sender | peer | send                    |
      | A      | B    | messages.forwardMessage |
      | B      | A    | messages.forwardMessage |
