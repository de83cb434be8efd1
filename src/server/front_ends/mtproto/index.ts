// The MTProto 2.0 front end (docs/mtproto.md): TCP transports, auth key creation, encrypted
// messages and the service layer around the core's dispatch.
export {
  type MtprotoOptions,
  TEST_RSA_PRIVATE_KEY_PATH,
  TEST_RSA_PUBLIC_KEY_PATH,
} from "./mtproto_options.ts";
export { type RunningMtprotoServer, startMtprotoServer } from "./start_mtproto_server.ts";
