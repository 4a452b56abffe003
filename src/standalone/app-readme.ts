/** README.txt of an exported app: how to serve it and point it at a consortium node (English, then Chinese). Pure. */
import type { AppConfig } from './app-config.js';

export function appReadme(config: AppConfig, folder: string): string {
  const m = config.manifest;
  const d = config.deployment;
  const rpc = config.rpcUrl || '(none: set it in Settings on first start / 首次打开时在“设置”中填写)';
  const copy = config.ledgerCopy;
  const keys = Object.keys(config.keyFiles ?? {});
  const copyEn = copy
    ? `
5. Ledger copy: this app ships a copy of the bundled ledger (${copy.file}, ${copy.blocks} blocks,
   sha256 ${copy.sha256}) and runs it in each user's browser, with no node at all: choose
   Settings -> Chain -> "The ledger copy in this browser" (the default when config.json has no
   "rpcUrl"). The first start imports the copy (its checksum is checked and every block
   re-executed); from then on the chain lives in that browser's IndexedDB and survives reloads.
   Each browser has its own copy: users do not see each other's steps (use a node for that).
   Settings can also import another chain file of this chain (e.g. the ledger/chain.ndjson of a
   newer export), or start again from the
   shipped copy (both replace the browser's copy, after asking).
   Keys: ${keys.length ? `keys/ holds the keystore v3 file of ${keys.length} participant(s), encrypted with the
   passphrase chosen at export (never plaintext; ask whoever exported the app for it).` : 'no key files are shipped: import your own key file.'}
   Signing in offers your shipped key file; the app remembers the key file you sign in with (still
   encrypted, never the passphrase) until you press "Forget this key".
`
    : '';
  const copyZh = copy
    ? `
5. 账本副本：本应用随附内置账本的副本（${copy.file}，${copy.blocks} 个区块），在每位用户的浏览器中运行，无需任何节点：
   在“设置 → 链”中选择“本浏览器中的账本副本”（config.json 没有 "rpcUrl" 时为默认）。首次启动时导入副本（校验校验和并
   重新执行每个区块），之后链保存在该浏览器的 IndexedDB 中，重新加载后仍在。每个浏览器各有一份副本，用户之间互不可见
   （需要共享请使用节点）。“设置”中也可导入这条链的其他链文件（例如更新导出中的 ledger/chain.ndjson），或从随附副本重新开始（二者都会在确认后替换本浏览器的副本）。
   密钥：${keys.length ? `keys/ 中有 ${keys.length} 位参与方的 keystore v3 文件，用导出时设定的口令加密（绝不以明文存放；口令请向导出者索取）。` : '未随附密钥文件：请导入你自己的密钥文件。'}
   登录时会提供你的随附密钥文件；应用会记住你登录所用的密钥文件（保持加密，绝不保存口令），直到你点击“忘记此密钥”。
`
    : '';
  const processes = m.processes.map((p) => `  - ${p.name}: ${d.processes[p.id]?.address ?? '?'}`).join('\n');
  return `${m.workspaceName} — collaboration app / 协作应用
${'='.repeat(60)}

Exported from ChainFlow Studio on ${config.exportedAt}.
Network:   ${config.networkName} (chain id ${config.chainId})
JSON-RPC:  ${rpc}
Registry:  ${d.registry.address}
Processes:
${processes}

ENGLISH
-------
This folder is a complete static web app: index.html, assets/ and config.json (what was deployed
and where). It needs no build step, no Node.js and no internet access; it talks to one
consortium node over JSON-RPC from the user's browser.

1. Serve the folder from any static web server, at the root of a site or under any path, e.g.
     cd ${folder} && python3 -m http.server 8080      -> http://localhost:8080/
     npx serve ${folder}                               (or nginx, Apache, IIS, an S3 bucket ...)
   Opening index.html from the file system (file://) does not work: browsers block fetch() there.
2. Point it at a consortium node: the node's JSON-RPC URL is in config.json ("rpcUrl"). To use
   another node, either edit "rpcUrl" in config.json for everyone, or change it per browser in the
   app's Settings (saved in that browser only). The node must run chain id ${config.chainId}; the
   app refuses a node of another chain and says so. It must accept requests from the app's origin
   (CORS), e.g. Besu: --rpc-http-cors-origins="https://apps.example.com"; GoQuorum/geth:
   --http.corsdomain. A node on another host needs http(s) reachable from the users' browsers.
3. Sign in: pick yourself, then import your key file (the keystore v3 JSON exported from the IDE:
   Participants -> Export key) and type its passphrase. The key is decrypted in the browser's
   memory only and locks after 15 minutes idle. Or connect a browser wallet (MetaMask etc.) that
   holds your account and is set to chain id ${config.chainId}.
4. Gas: on a chain whose base fee is 0 (a free-gas consortium chain) transactions are sent with a
   zero gas price, so participants need no ether. Otherwise accounts need ether for gas.
${copyEn}
${copy ? 'Without the ledger copy, a' : 'A'} deployment on the IDE's bundled ledger (network "bundled") runs only inside
the IDE: ${copy ? 'to share one chain between users,' : 'an app exported from it needs the contracts on a real node:'} deploy to a network first.

中文
----
本文件夹是一个完整的静态网页应用：index.html、assets/ 目录和 config.json（部署了什么、部署在哪里）。
无需构建、无需 Node.js、无需访问互联网；用户的浏览器通过 JSON-RPC 直接连接一个联盟链节点。

1. 用任意静态网页服务器提供本文件夹（站点根目录或任意子路径均可），例如：
     cd ${folder} && python3 -m http.server 8080      -> http://localhost:8080/
   也可用 nginx、Apache、IIS、对象存储等。直接双击打开 index.html（file://）无法使用。
2. 指向联盟链节点：节点的 JSON-RPC 地址在 config.json 的 "rpcUrl" 中。要改用其他节点，可修改
   config.json（对所有人生效），或在应用的“设置”中修改（仅保存在当前浏览器）。节点的链 ID 必须是
   ${config.chainId}，否则应用会拒绝并说明原因。节点需允许应用所在来源的跨域请求（CORS），例如 Besu：
   --rpc-http-cors-origins；GoQuorum/geth：--http.corsdomain。
3. 登录：选择你自己，导入你的密钥文件（在 IDE 的“参与方 → 导出密钥”导出的 keystore v3 JSON）并输入其口令。
   私钥只在浏览器内存中解密，空闲 15 分钟后自动锁定。也可连接持有你的账户、且链 ID 为 ${config.chainId} 的浏览器钱包。
4. 手续费：在基础费为 0 的联盟链上，交易以 0 gas 价格发送，参与方无需持有以太币。
${copyZh}`;
}
