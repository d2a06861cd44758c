export interface Notice {
  id: number;
  tone: 'error' | 'info';
  text: string;
  /** e.g. each problem of an imported document, by path. */
  details: string[];
}

/** Messages shown above the notebook until dismissed. */
export class NoticeList {
  items = $state.raw<Notice[]>([]);
  private nextId = 1;

  show(tone: Notice['tone'], text: string, details: string[] = []): void {
    this.items = [...this.items, { id: this.nextId++, tone, text, details }];
  }

  dismiss(id: number): void {
    this.items = this.items.filter((notice) => notice.id !== id);
  }
}
