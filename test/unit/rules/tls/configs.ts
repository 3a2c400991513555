/** Configurations the tls/* rule tests share: hardened ones that every TLS rule must leave alone. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** 5.x: one mutual-TLS listener with every protection on; the implicit wss listener switched off. */
export const HARDENED_5 = `listeners.ssl.default {
  bind = "0.0.0.0:8883"
  ssl_options {
    certfile = "/etc/emqx/tls/broker.pem"
    keyfile = "/etc/emqx/tls/broker.key"
    cacertfile = "/etc/emqx/tls/ca.pem"
    versions = [tlsv1.3, tlsv1.2]
    ciphers = ["TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "ECDHE-RSA-AES256-GCM-SHA384"]
    verify = verify_peer
    fail_if_no_peer_cert = true
    enable_crl_check = true
    secure_renegotiate = true
    ocsp {
      enable_ocsp_stapling = true
      responder_url = "http://ocsp.internal:8080"
      issuer_pem = "/etc/emqx/tls/issuer.pem"
    }
  }
}
listeners.wss.default.enable = false
`;

/** 4.x flat format with the same protections. */
export const HARDENED_4 = `listener.ssl.external = 8883
listener.ssl.external.keyfile = /etc/emqx/tls/broker.key
listener.ssl.external.certfile = /etc/emqx/tls/broker.pem
listener.ssl.external.cacertfile = /etc/emqx/tls/ca.pem
listener.ssl.external.tls_versions = tlsv1.3,tlsv1.2
listener.ssl.external.ciphers = TLS_AES_256_GCM_SHA384,ECDHE-RSA-AES256-GCM-SHA384
listener.ssl.external.verify = verify_peer
listener.ssl.external.fail_if_no_peer_cert = true
listener.ssl.external.enable_crl_check = true
listener.ssl.external.enable_ocsp_stapling = true
listener.ssl.external.ocsp_responder_url = http://ocsp.internal:8080
listener.ssl.external.ocsp_issuer_pem = /etc/emqx/tls/issuer.pem
`;

/** A 5.x config without any listener or TLS block: the implicit ssl and wss default listeners apply. */
export const IMPLICIT_5 = 'node.name = "emqx@10.0.0.5"\n';

/** A file of the shared EMQX corpus (../shared/corpus/emqx/...). */
export function corpusFile(...parts: string[]): string {
  return fs.readFileSync(path.resolve('..', 'shared', 'corpus', 'emqx', ...parts), 'utf8');
}
