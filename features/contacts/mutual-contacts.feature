Feature: A contact is mutual exactly when the other has the caller too
  Constructor contact (layer 1): "mutual: Current user is in the user's contact list". In
  contacts.getContacts each contact's mutual says whether that user has the caller in its own
  contacts: scenario 1's "B does not know A's number" against scenario 3's "both know each
  other's number", which each user can read without any message. docs/writing-features.md adds
  this requirement, step by step, as its example.

  @REQ-CONTACTS-MUTUAL @must
  Scenario Outline: A's contact B is mutual: <mutual> (<who>)
    Given <setup>
    When A calls contacts.getContacts at layer 1 with:
      """
      {"hash": ""}
      """
    Then the answer is contacts.contacts
    And the answer's /contacts/0/user_id is {B.id}
    And the answer's /contacts/0/mutual is <mutual>
    And the answer's /users/0 is B as userContact with B's phone

    Examples:
      | who                   | setup                             | mutual |
      | only A has B's number | A has B's number in contacts      | false  |
      | each has the other's  | A and B have each other's numbers | true   |

  @REQ-CONTACTS-MUTUAL @must
  Scenario Outline: A's contact B is mutual: <mutual> after <what>
    Given A has B's number in contacts
    And A and B met in a chat made by C
    When <step>
    And A calls contacts.getContacts at layer 1 with:
      """
      {"hash": ""}
      """
    Then the answer's /contacts/0/mutual is <mutual>

    Examples:
      | what                 | step                                            | mutual |
      | B imports A's number | B imports A's number                            | true   |
      | A messages B         | A messages B by messages.sendMessage at layer 1 | false  |
      | B messages A         | B messages A by messages.sendMessage at layer 1 | false  |
