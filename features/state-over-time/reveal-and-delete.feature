Feature: A reveal lasts, and a delete takes effect everywhere
  docs/semantics.md, Words: "A reveal, once made, lasts: the viewer's later imports or deletes of
  other users and sign-ins on a new key do not undo it. contacts.deleteContacts/deleteContact
  remove the deleted user from the caller's contacts (C), and the link table follows; whether a
  number revealed to the other party stays revealed after such a delete is the server's choice."

  @REQ-S1-REVEAL @must
  Scenario Outline: B still sees A's number after B <later>
    Given A has B's number in contacts
    And B has C's number in contacts
    When A messages B by messages.sendMessage at layer 1
    And <step>
    Then B sees A as userRequest with A's phone
    And every view of every user is as the link table says

    Examples:
      | later                                  | step                                                 |
      | imports another user                   | B imports D's number                                 |
      | deletes another user by deleteContacts | B deletes C from contacts by contacts.deleteContacts |
      | deletes another user by deleteContact  | B deletes C from contacts by contacts.deleteContact  |
      | signs in on a new key                  | B signs in again on a new key                        |

  @REQ-S2-IMPORT @must
  Scenario Outline: A's delete of B by <method> takes effect in every view (<situation>)
    Given A has B's number in contacts
    And A and B met in a chat made by C
    And <before>
    When A deletes B from contacts by <method>
    Then A sees B as userForeign without a phone
    And every view of every user is as the link table says

    Examples:
      | situation          | before                                          | method                  |
      | before any message | C has A's number in contacts                    | contacts.deleteContact  |
      | before any message | C has A's number in contacts                    | contacts.deleteContacts |
      | after A messaged B | A messages B by messages.sendMessage at layer 1 | contacts.deleteContact  |
      | after A messaged B | A messages B by messages.sendMessage at layer 1 | contacts.deleteContacts |
      | mutual             | B has A's number in contacts                    | contacts.deleteContacts |

  @REQ-S1-REVEAL-REVERSE @REQ-S2-IMPORT @must
  Scenario Outline: After A messaged B, who has A's number, A's delete of B by <method> leaves A seeing B's number
    Given A and B have each other's numbers
    When A messages B by messages.sendMessage at layer 1
    And A deletes B from contacts by <method>
    Then A sees B as userRequest with B's phone
    And every view of every user is as the link table says

    Examples:
      | method                  |
      | contacts.deleteContact  |
      | contacts.deleteContacts |

  @REQ-LINK-VALUES @should
  Scenario Outline: After A's delete of B by <method>, every link follows the link table
    Given A and B have each other's numbers
    When A messages B by messages.sendMessage at layer 1
    And A deletes B from contacts by <method>
    Then every link of every user follows the link table

    Examples:
      | method                  |
      | contacts.deleteContact  |
      | contacts.deleteContacts |
