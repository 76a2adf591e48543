/**
 * Stream input arrives in pieces of any size; the envelope works in fixed-size chunks. This queue
 * holds the pieces by reference and hands out exact byte counts, copying only when a count spans
 * pieces, so each byte is copied at most once and pieces aligned with chunks are never copied.
 * As with any stream, a piece must not be modified after it was written.
 */
const RELEASED = new Uint8Array(0);

export class ByteQueue {
  #pieces: Uint8Array[] = [];
  #firstPiece = 0;
  /** Bytes of the first piece already handed out. */
  #consumed = 0;
  #length = 0;
  #scratch = new Uint8Array(0);

  get length(): number {
    return this.#length;
  }

  push(piece: Uint8Array): void {
    if (!(piece instanceof Uint8Array)) throw new TypeError("envelope streams carry Uint8Array pieces");
    if (piece.length === 0) return;
    this.#pieces.push(piece);
    this.#length += piece.length;
  }

  /**
   * Removes and returns the first `count` bytes. The view may point into a pushed piece or into a
   * scratch buffer that the next call overwrites: use it before taking again.
   */
  take(count: number): Uint8Array {
    if (!Number.isInteger(count) || count < 0 || count > this.#length) {
      throw new RangeError(`cannot take ${count} of ${this.#length} queued bytes`);
    }
    this.#length -= count;
    const first = this.#pieces[this.#firstPiece];
    if (first === undefined || first.length - this.#consumed >= count) return this.#advance(count);
    if (this.#scratch.length < count) this.#scratch = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const piece = this.#advance(count - filled);
      this.#scratch.set(piece, filled);
      filled += piece.length;
    }
    return this.#scratch.subarray(0, count);
  }

  /** Up to `count` bytes from the first piece, without copying. */
  #advance(count: number): Uint8Array {
    const piece = this.#pieces[this.#firstPiece];
    if (piece === undefined) return new Uint8Array(0);
    const end = Math.min(piece.length, this.#consumed + count);
    const view = piece.subarray(this.#consumed, end);
    if (end === piece.length) this.#dropFirstPiece();
    else this.#consumed = end;
    return view;
  }

  #dropFirstPiece(): void {
    // Released at once, so a consumed piece is garbage even before the array is compacted.
    this.#pieces[this.#firstPiece] = RELEASED;
    this.#consumed = 0;
    this.#firstPiece++;
    // Compacting only once half the array is spent keeps removal amortised O(1).
    if (this.#firstPiece * 2 >= this.#pieces.length) {
      this.#pieces = this.#pieces.slice(this.#firstPiece);
      this.#firstPiece = 0;
    }
  }
}
