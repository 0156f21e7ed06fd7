// Officer mode as the window keeps it: the desk this PC serves, asked for
// once an officer is signed in, and set on the desk page.
import { desk as askDesk, setDesk } from './api';
import type { DeskView } from './types';

export class OfficerState {
  /** The desk set on this PC; undefined until asked for. */
  desk = $state<DeskView | null | undefined>(undefined);

  /** Asks Rust for the desk once; later calls reuse the answer. */
  async load(): Promise<DeskView | null> {
    if (this.desk === undefined) this.desk = await askDesk();
    return this.desk;
  }

  /** Sets the desk; rejects with an AppError naming the refused field. */
  async save(name: string, province: string, commune: string | null): Promise<DeskView> {
    const saved = await setDesk(name, province, commune);
    this.desk = saved;
    return saved;
  }
}
