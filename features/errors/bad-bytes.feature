Feature: ERRORS on the MTProto wire: calls written wrong in bytes
  Binding (docs/mtproto.md, "The API on top"): rows that only exist on the JSON wire have binary
  counterparts: "an unknown constructor id, a truncated or over-long object, a wrong boxed type →
  400 INPUT_REQUEST_INVALID / INPUT_METHOD_INVALID; the connection survives". An unknown or wrong id
  at the call itself is an unknown method; anything else is an invalid request; an unknown layer in
  invokeWithLayer is INPUT_LAYER_INVALID. Each request is the import of B's number, written wrong in
  one way: without the fault it would succeed and change what A sees of B. These exist only on the
  MTProto wire (@wire-mtproto); features/errors/bad-input.feature holds their JSON counterparts.

  Background:
    Given A and B met in a chat made by C
    And the state of every user is noted

  @REQ-ERRORS @must @wire-mtproto
  Scenario Outline: A call whose id names no method: <fault>
    When A sends contacts.importContacts of B's number in bytes with <fault>
    Then the answer is rpc_error 400 INPUT_METHOD_INVALID
    And the state of every user is unchanged

    Examples:
      | fault                                |
      | an unknown constructor id            |
      | a constructor in place of the method |

  @REQ-ERRORS @must @wire-mtproto
  Scenario Outline: An import written wrong inside: <fault>
    When A sends contacts.importContacts of B's number in bytes with <fault>
    Then the answer is rpc_error 400 INPUT_REQUEST_INVALID
    And the state of every user is unchanged

    Examples:
      | fault                     |
      | its last 4 bytes cut off  |
      |   4 bytes more at its end |
      | a Bool that is no Bool    |
      | a long written as 4 bytes |

  @REQ-ERRORS @must @wire-mtproto
  Scenario: An import in an unknown layer
    When A sends contacts.importContacts of B's number in bytes with an unknown layer in invokeWithLayer
    Then the answer is rpc_error 400 INPUT_LAYER_INVALID
    And the state of every user is unchanged

  @REQ-ERRORS @must @wire-mtproto
  Scenario Outline: A method the declared layer lacks, in bytes (layer <layer>)
    messages.forwardMessage exists only at layer 3: declared at an earlier layer, its id names no
    method of that layer. As on the JSON wire (features/errors/bad-input.feature, its counterpart),
    the binding allows either error for a method the layer lacks.

    When A sends messages.forwardMessage in bytes at layer <layer>
    Then the answer is rpc_error 400 INPUT_METHOD_INVALID or INPUT_REQUEST_INVALID
    And the state of every user is unchanged

    Examples:
      | layer |
      |     1 |

    @needs-layer-2
    Examples:
      | layer |
      |     2 |
