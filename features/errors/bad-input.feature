Feature: Bad input gets its rpc_error and changes nothing
  Binding (docs/binding.md, Errors): "a server MUST answer these, never crash, never change state".
  Each request below is wrong in one way; the answer must be the rpc_error of the binding's error
  table with the HTTP status equal to its error_code, and the state of every user of the scenario
  must be as before. Requests written as JSON text exist only on the TL-JSON wire (@wire-http-json).

  Background:
    Given A and B met in a chat made by C
    And the state of every user is noted

  @REQ-ERRORS @must @wire-http-json
  Scenario: A body that is not JSON
    When A sends this raw body:
      """
      {"_":"contacts.importContacts", this is not JSON
      """
    Then the answer is rpc_error 400 INPUT_REQUEST_INVALID
    And the state of every user is unchanged

  @REQ-ERRORS @must @wire-http-json
  Scenario: A body that is JSON but not an object
    When A sends this raw body:
      """
      [{"_":"contacts.importContacts","contacts":[],"replace":false}]
      """
    Then the answer is rpc_error 400 INPUT_REQUEST_INVALID
    And the state of every user is unchanged

  @REQ-ERRORS @must @wire-http-json
  Scenario Outline: A call that names no method: <what>
    When A sends this request at layer 1:
      """
      <call>
      """
    Then the answer is rpc_error 400 INPUT_METHOD_INVALID
    And the state of every user is unchanged

    Examples:
      | what            | call                              |
      | an unknown name | {"_":"contacts.importEverything"} |
      | a constructor   | {"_":"userEmpty","id":1}          |

  @REQ-ERRORS @must @wire-http-json
  Scenario Outline: An import with a field of the wrong shape: <what>
    When A sends this request at layer 1:
      """
      <call>
      """
    Then the answer is rpc_error 400 INPUT_REQUEST_INVALID
    And the state of every user is unchanged

    Examples:
      | what                | call                                                                                                                                                             |
      | a long as a number  | {"_":"contacts.importContacts","contacts":[{"_":"inputPhoneContact","client_id":7,"phone":"{B.phone}","first_name":"B","last_name":""}],"replace":false}         |
      | an extra field      | {"_":"contacts.importContacts","contacts":[{"_":"inputPhoneContact","client_id":"7","phone":"{B.phone}","first_name":"B","last_name":"","x":1}],"replace":false} |
      | a missing field     | {"_":"contacts.importContacts","contacts":[{"_":"inputPhoneContact","client_id":"7","phone":"{B.phone}","first_name":"B"}],"replace":false}                      |
      | a string for a Bool | {"_":"contacts.importContacts","contacts":[{"_":"inputPhoneContact","client_id":"7","phone":"{B.phone}","first_name":"B","last_name":""}],"replace":"no"}        |

  @REQ-ERRORS @must @wire-http-json
  Scenario: An unknown layer wrapper
    When A sends this raw body:
      """
      {"_":"invokeWithLayer99","query":{"_":"contacts.importContacts","contacts":[{"_":"inputPhoneContact","client_id":"7","phone":"{B.phone}","first_name":"B","last_name":""}],"replace":false}}
      """
    Then the answer is rpc_error 400 INPUT_LAYER_INVALID
    And the state of every user is unchanged

  @REQ-ERRORS @must @wire-http-json
  Scenario Outline: A method the declared layer lacks (layer <layer>)
    When A sends this request at layer <layer>:
      """
      {"_":"messages.forwardMessage","peer":{"_":"inputPeerSelf"},"id":1,"random_id":"{random_long}"}
      """
    Then the answer is rpc_error 400 INPUT_METHOD_INVALID or INPUT_REQUEST_INVALID
    And the state of every user is unchanged

    Examples:
      | layer |
      |     1 |

    @needs-layer-2
    Examples:
      | layer |
      |     2 |

  @REQ-ERRORS @must @wire-http-json
  Scenario: A message to a peer with an access_hash the caller was never given
    When A sends this request at layer 1:
      """
      {"_":"messages.sendMessage","peer":{"_":"inputPeerForeign","user_id":{B.id},"access_hash":"{B.wrong_access_hash}"},"message":"hello","random_id":"{random_long}"}
      """
    Then the answer is rpc_error 400 PEER_ID_INVALID or USER_ID_INVALID
    And the state of every user is unchanged

  @REQ-ERRORS @must @wire-http-json
  Scenario: An account call without a key
    When a client without a key sends this request:
      """
      {"_":"contacts.getContacts","hash":""}
      """
    Then the answer is rpc_error 401 AUTH_KEY_UNREGISTERED
    And the state of every user is unchanged

  @REQ-ERRORS @must
  Scenario: An account call with a key of no account
    A fresh key (an auth key on the MTProto wire, a bearer key on TL-JSON) that signed in to nothing.

    When a client with an unregistered key calls contacts.getContacts at layer 1 with:
      """
      {"hash":""}
      """
    Then the answer is rpc_error 401 AUTH_KEY_UNREGISTERED
    And the state of every user is unchanged

  @REQ-ERRORS @must
  Scenario: A sign-in code request for a number that is not a test number
    When a client with an unregistered key calls auth.sendCode at layer 1 with:
      """
      {"phone_number":"12","sms_type":0,"api_id":1,"api_hash":"tl-conformance"}
      """
    Then the answer is rpc_error 400 PHONE_NUMBER_INVALID
    And the state of every user is unchanged
