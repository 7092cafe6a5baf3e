// The VS Code side of interview-coach: starts `interview-coach lsp` over stdio and adds the few
// commands and the status bar score that plain LSP has no place for. No rubric logic lives here.

import * as path from 'node:path';

import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  type Location,
  type ServerOptions,
  State,
} from 'vscode-languageclient/node';

import type { Bank, BankRow } from './bank';
import { BANK_VIEW, type BankResult, BankTree, OPEN_BANK_ITEM } from './bankView';
import { discoverServer, notFoundMessage } from './discovery';
import { categories, Commands, freeFileName, type NewDraft, type Question, questionRows, type Score, scoreLabel } from './protocol';
import { toServerSettings } from './settings';

const SECTION = 'interviewCoach';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;
let scoreTimer: NodeJS.Timeout | undefined;
let bankTimer: NodeJS.Timeout | undefined;
/** The latest (re)start of the server; the bank view waits for it before asking. */
let starting: Promise<void> = Promise.resolve();
let bank: BankTree;

/** The `interviewCoach` section as a plain object (dotted rule keys arrive nested under `rules`). */
function rawSettings(scope?: vscode.ConfigurationScope): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    rules: cfg.get('rules'),
    wordBudget: cfg.get('wordBudget'),
    wordsPerMinute: cfg.get('wordsPerMinute'),
    categoriesPath: cfg.get('categoriesPath'),
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Interview Coach');
  status = vscode.window.createStatusBarItem('interviewCoach.score', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Interview Coach Score';
  status.command = 'workbench.actions.view.problems';
  // Started before the view exists: its first load waits for this start, not an earlier one.
  starting = start(context);
  bank = new BankTree(loadBank);
  const bankView = vscode.window.createTreeView(BANK_VIEW, { treeDataProvider: bank, showCollapseAll: true });
  bank.view = bankView;
  // Drafts written, deleted or renamed, in VS Code or outside it, change the bank.
  const drafts = vscode.workspace.createFileSystemWatcher('**/*.md', false, true, false);
  context.subscriptions.push(
    output,
    status,
    bank,
    bankView,
    drafts,
    drafts.onDidCreate(() => scheduleBankRefresh()),
    drafts.onDidDelete(() => scheduleBankRefresh()),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (d.languageId === 'markdown') scheduleBankRefresh();
    }),
    vscode.commands.registerCommand('interviewCoach.newAnswerDraft', (id?: unknown) =>
      newAnswerDraft(typeof id === 'string' ? id : undefined),
    ),
    vscode.commands.registerCommand('interviewCoach.showAnswerBank', () =>
      vscode.commands.executeCommand(`${BANK_VIEW}.focus`),
    ),
    vscode.commands.registerCommand('interviewCoach.refreshAnswerBank', () => bank.refresh()),
    vscode.commands.registerCommand(OPEN_BANK_ITEM, openBankItem),
    vscode.commands.registerCommand('interviewCoach.openCategoryGuide', openCategoryGuide),
    vscode.commands.registerCommand('interviewCoach.showExampleAnswers', showExampleAnswers),
    vscode.commands.registerCommand('interviewCoach.restartServer', () => restart(context)),
    vscode.workspace.onDidChangeConfiguration((e) => onConfigurationChanged(e, context)),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) scheduleScore();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => scheduleScore()),
    { dispose: () => void stop() },
  );
  await starting;
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const workspaceRoot = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const discovery = await discoverServer({
    settingPath: vscode.workspace.getConfiguration(SECTION).get<string>('server.path'),
    extensionPath: context.extensionPath,
    workspaceRoot,
    envPath: process.env.PATH,
  });
  for (const r of discovery.rejected) output.appendLine(`not using ${r.path} (${r.origin}): ${r.reason}`);
  if (!discovery.ok) {
    const message = notFoundMessage(discovery.rejected);
    output.appendLine(message);
    // Not awaited: activation must not wait for the user to dismiss the message.
    void vscode.window.showErrorMessage(message, 'Open Settings').then((choice) => {
      if (choice === 'Open Settings') {
        void vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.server.path`);
      }
    });
    return;
  }
  const { server } = discovery;
  output.appendLine(`starting ${server.path} lsp (${server.version}, from ${server.origin})`);

  // No `transport`: the arguments go to the server exactly as given, over stdio.
  const serverOptions: ServerOptions = { command: server.path, args: ['lsp'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    initializationOptions: { [SECTION]: toServerSettings(rawSettings()) },
    outputChannel: output,
    middleware: {
      workspace: {
        // The server pulls `interviewCoach`; answer with the mapped settings, not VS Code's raw ones.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => {
            const item = params.items[i];
            if (item?.section !== SECTION) return value;
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return toServerSettings(rawSettings(scope));
          });
        },
      },
    },
  };
  client = new LanguageClient(SECTION, 'Interview Coach', serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    if (e.newState !== State.Running) status.hide();
  });
  try {
    await client.start();
  } catch (e) {
    output.appendLine(`the server did not start: ${(e as Error).message}`);
    void vscode.window.showErrorMessage(
      `Interview Coach: ${server.path} did not start (${(e as Error).message}). See the "Interview Coach" output.`,
    );
    client = undefined;
    return;
  }
  scheduleScore();
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  status?.hide();
  if (c) await c.stop().catch(() => undefined);
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  starting = start(context);
  await starting;
  bank.refresh();
  if (client) void vscode.window.setStatusBarMessage('Interview Coach: server restarted', 3000);
}

function onConfigurationChanged(e: vscode.ConfigurationChangeEvent, context: vscode.ExtensionContext): void {
  if (!e.affectsConfiguration(SECTION)) return;
  if (e.affectsConfiguration(`${SECTION}.server.path`)) {
    void vscode.window
      .showInformationMessage('Interview Coach: the server path changed.', 'Restart Server')
      .then((choice) => (choice ? restart(context) : undefined));
    return;
  }
  if (client?.state === State.Running) {
    void client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { [SECTION]: toServerSettings(rawSettings()) },
    });
  }
}

/** Runs a server command; shows one message and returns `undefined` when it cannot. */
async function exec<T>(command: string, args: unknown[] = []): Promise<T | undefined> {
  if (!client || client.state !== State.Running) {
    void vscode.window.showErrorMessage('Interview Coach: the server is not running. Run "Interview Coach: Restart Server".');
    return undefined;
  }
  try {
    return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as T;
  } catch (e) {
    void vscode.window.showErrorMessage(`Interview Coach: ${command} failed: ${(e as Error).message}`);
    return undefined;
  }
}

/** Asks which question (unless `questionId` says), then writes and opens a new draft for it. */
async function newAnswerDraft(questionId?: string): Promise<void> {
  let id = questionId;
  if (!id) {
    const questions = await exec<Question[]>(Commands.questions);
    if (!questions) return;
    const items = questionRows(questions).map((row) =>
      row.kind === 'separator'
        ? { label: row.label, kind: vscode.QuickPickItemKind.Separator, id: '' }
        : { label: row.label, description: row.description, id: row.id },
    );
    const pick = await vscode.window.showQuickPick(items, {
      placeHolder: 'Which question are you answering?',
      matchOnDescription: true,
    });
    if (!pick) return;
    id = pick.id;
  }
  const draft = await exec<NewDraft>(Commands.newDraft, [id]);
  if (!draft) return;

  const folder = vscode.workspace.workspaceFolders?.[0];
  let document: vscode.TextDocument;
  if (folder) {
    const dir = vscode.Uri.joinPath(folder.uri, 'answers');
    await vscode.workspace.fs.createDirectory(dir);
    const taken = new Set((await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name));
    const file = vscode.Uri.joinPath(dir, freeFileName(draft.fileName, (n) => taken.has(n)));
    await vscode.workspace.fs.writeFile(file, Buffer.from(draft.text, 'utf8'));
    document = await vscode.workspace.openTextDocument(file);
  } else {
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: draft.text });
  }
  const editor = await vscode.window.showTextDocument(document);
  const end = document.lineAt(document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
}

/** The bank for the tree view. Never shows a message itself: the view's message says what is wrong. */
async function loadBank(): Promise<BankResult> {
  await starting.catch(() => undefined);
  if (!client || client.state !== State.Running) {
    return { problem: 'The Interview Coach server is not running: see the "Interview Coach" output.' };
  }
  try {
    const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: Commands.bank, arguments: [] })) as Bank | null;
    if (!result || !Array.isArray(result.categories)) return { problem: 'The server returned no answer bank.' };
    return { bank: result };
  } catch (e) {
    output.appendLine(`${Commands.bank} failed: ${(e as Error).message}`);
    return { problem: `The answer bank could not be loaded: ${(e as Error).message}` };
  }
}

function scheduleBankRefresh(): void {
  if (bankTimer) clearTimeout(bankTimer);
  bankTimer = setTimeout(() => bank.refresh(), 300);
}

/** A click on a bank row: open the best draft, or start a new draft for an undrafted question. */
async function openBankItem(row?: BankRow): Promise<void> {
  const action = row?.action;
  if (!action) return;
  if (action.kind === 'new') {
    await newAnswerDraft(action.questionId);
    return;
  }
  let uri: vscode.Uri;
  if (action.uri) {
    uri = vscode.Uri.parse(action.uri);
  } else if (path.isAbsolute(action.path)) {
    uri = vscode.Uri.file(action.path);
  } else {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return;
    uri = vscode.Uri.joinPath(folder.uri, action.path);
  }
  await vscode.window.showTextDocument(uri);
}

async function openCategoryGuide(): Promise<void> {
  const questions = await exec<Question[]>(Commands.questions);
  if (!questions) return;
  const cats = categories(questions);
  let category: string | undefined = cats[0]?.[0];
  if (cats.length > 1) {
    const pick = await vscode.window.showQuickPick(
      cats.map(([id, title]) => ({ label: title, description: id, id })),
      { placeHolder: 'Which category guide?' },
    );
    if (!pick) return;
    category = pick.id;
  }
  const uri = await exec<string>(Commands.openGuide, category ? [category] : []);
  if (typeof uri === 'string' && !isActive(vscode.Uri.parse(uri))) {
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: true });
  }
}

/**
 * Whether `uri` is in the active editor. The server shows its documents with window/showDocument
 * before it answers; the extension shows them itself only when that did not happen.
 */
function isActive(uri: vscode.Uri): boolean {
  const active = vscode.window.activeTextEditor?.document.uri;
  return !!active && active.scheme === uri.scheme && active.fsPath === uri.fsPath;
}

async function showExampleAnswers(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Interview Coach: open an answer draft (Markdown) first.');
    return;
  }
  const location = await exec<Location | null>(Commands.openExamples, [editor.document.uri.toString()]);
  if (location === undefined) return;
  if (!location || !client) {
    void vscode.window.showInformationMessage(
      'Interview Coach: this draft is not linked to a question yet. Add front matter (`category:` and `question:`) or start with the question as a heading.',
    );
    return;
  }
  const target = vscode.Uri.parse(location.uri);
  if (!isActive(target)) {
    const range = client.protocol2CodeConverter.asRange(location.range);
    await vscode.window.showTextDocument(target, { selection: range, preview: true });
  }
}

function scheduleScore(): void {
  if (scoreTimer) clearTimeout(scoreTimer);
  scoreTimer = setTimeout(() => void updateScore(), 150);
}

async function updateScore(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!client || client.state !== State.Running || !document || document.languageId !== 'markdown') {
    status.hide();
    return;
  }
  let score: Score | null = null;
  try {
    score = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: Commands.score,
      arguments: [document.uri.toString()],
    })) as Score | null;
  } catch (e) {
    output.appendLine(`score failed: ${(e as Error).message}`);
  }
  // The active editor may have changed while the request ran.
  if (vscode.window.activeTextEditor?.document !== document) return;
  const label = scoreLabel(score);
  if (!label) {
    status.hide();
    return;
  }
  status.text = `$(checklist) ${label.text}`;
  status.tooltip = label.tooltip;
  status.show();
}
