Feature: A user is addressed only the way the caller was given
  docs/semantics.md, ERRORS: "every input that names a user or peer (inputPeer*, inputUser*, in
  every method that takes one) is refused for a user the caller may not address that way".
  As in 2013, a contact is named by id (inputPeerContact, inputUserContact) and anyone else with
  the access_hash the caller was given (inputPeerForeign, inputUserForeign); a chat only by its
  members. A met B in a chat, so A holds an access_hash for B, but B is not A's contact; D's chat
  holds B and C, not A. Each call must get 400 PEER_ID_INVALID or USER_ID_INVALID, and change
  nothing that any user of the scenario can see.

  Background:
    Given A and B met in a chat made by C
    And B and C met in a chat made by D
    And A has a note to itself
    And the state of every user is noted

  @REQ-ERRORS @must
  Scenario Outline: <method> refuses B named by <input>
    When A calls <method> at layer <layer> naming B by <input>
    Then the answer is rpc_error 400 PEER_ID_INVALID or USER_ID_INVALID
    And the state of every user is unchanged

    Examples: peers
      | method                   | layer | input                               |
      | messages.sendMessage     |     1 | inputPeerEmpty                      |
      | messages.sendMessage     |     1 | inputPeerContact                    |
      | messages.sendMessage     |     1 | inputPeerForeign with a wrong hash  |
      | messages.sendMessage     |     1 | inputPeerForeign of an unknown user |
      | messages.sendMessage     |     1 | inputPeerChat of D's chat           |
      | messages.sendMedia       |     1 | inputPeerEmpty                      |
      | messages.sendMedia       |     1 | inputPeerContact                    |
      | messages.sendMedia       |     1 | inputPeerForeign with a wrong hash  |
      | messages.sendMedia       |     1 | inputPeerForeign of an unknown user |
      | messages.sendMedia       |     1 | inputPeerChat of D's chat           |
      | messages.forwardMessages |     1 | inputPeerEmpty                      |
      | messages.forwardMessages |     1 | inputPeerContact                    |
      | messages.forwardMessages |     1 | inputPeerForeign with a wrong hash  |
      | messages.forwardMessages |     1 | inputPeerForeign of an unknown user |
      | messages.forwardMessages |     1 | inputPeerChat of D's chat           |

    @needs-layer-3 @needs-forwardMessage
    Examples: peers, forwardMessage
      | method                  | layer | input                               |
      | messages.forwardMessage |     3 | inputPeerEmpty                      |
      | messages.forwardMessage |     3 | inputPeerContact                    |
      | messages.forwardMessage |     3 | inputPeerForeign with a wrong hash  |
      | messages.forwardMessage |     3 | inputPeerForeign of an unknown user |
      | messages.forwardMessage |     3 | inputPeerChat of D's chat           |

    Examples: users
      | method                  | layer | input                               |
      | users.getUsers          |     1 | inputUserEmpty                      |
      | users.getUsers          |     1 | inputUserContact                    |
      | users.getUsers          |     1 | inputUserForeign with a wrong hash  |
      | users.getUsers          |     1 | inputUserForeign of an unknown user |
      | users.getFullUser       |     1 | inputUserEmpty                      |
      | users.getFullUser       |     1 | inputUserContact                    |
      | users.getFullUser       |     1 | inputUserForeign with a wrong hash  |
      | users.getFullUser       |     1 | inputUserForeign of an unknown user |
      | contacts.deleteContact  |     1 | inputUserEmpty                      |
      | contacts.deleteContact  |     1 | inputUserContact                    |
      | contacts.deleteContact  |     1 | inputUserForeign with a wrong hash  |
      | contacts.deleteContact  |     1 | inputUserForeign of an unknown user |
      | contacts.deleteContacts |     1 | inputUserEmpty                      |
      | contacts.deleteContacts |     1 | inputUserContact                    |
      | contacts.deleteContacts |     1 | inputUserForeign with a wrong hash  |
      | contacts.deleteContacts |     1 | inputUserForeign of an unknown user |
      | messages.createChat     |     1 | inputUserEmpty                      |
      | messages.createChat     |     1 | inputUserContact                    |
      | messages.createChat     |     1 | inputUserForeign with a wrong hash  |
      | messages.createChat     |     1 | inputUserForeign of an unknown user |
