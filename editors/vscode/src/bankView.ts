// The Answer Bank tree view: the server's `interviewCoach.bank` overview as categories, then
// questions and scenarios with their status and best score. The rows come from `bankRows`; this
// file only turns them into tree items.

import * as vscode from 'vscode';

import { type Bank, type BankRow, bankRows } from './bank';

/** The view id (package.json `contributes.views.explorer`). */
export const BANK_VIEW = 'interviewCoach.answerBank';
/** The command a click on a row runs, with the row as its argument. */
export const OPEN_BANK_ITEM = 'interviewCoach.openBankItem';

/** Either the bank or why there is none, shown as the view's message. */
export type BankResult = { bank: Bank } | { problem: string };

export class BankTree implements vscode.TreeDataProvider<BankRow> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Set after the view is created: its message tells why the tree is empty. */
  view: vscode.TreeView<BankRow> | undefined;

  constructor(private readonly load: () => Promise<BankResult>) {}

  /** Asks the server again the next time the view shows its rows. */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  getTreeItem(row: BankRow): vscode.TreeItem {
    const state = !row.children
      ? vscode.TreeItemCollapsibleState.None
      : row.kind === 'unlinked-group'
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(row.label, state);
    // Stable ids keep the expansion state across refreshes.
    item.id = `${row.kind}:${row.key}`;
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.iconPath = new vscode.ThemeIcon(row.icon);
    item.contextValue = row.action ? `${row.kind}.${row.action.kind}` : row.kind;
    if (row.action) {
      item.command = {
        command: OPEN_BANK_ITEM,
        title: row.action.kind === 'open' ? 'Open Draft' : 'New Answer Draft',
        arguments: [row],
      };
    }
    return item;
  }

  async getChildren(row?: BankRow): Promise<BankRow[]> {
    if (row) return row.children ?? [];
    const result = await this.load();
    if ('problem' in result) {
      if (this.view) this.view.message = result.problem;
      return [];
    }
    if (this.view) this.view.message = undefined;
    return bankRows(result.bank);
  }
}
