interface Waiter {
  exclusive: boolean;
  grant: () => void;
}

/**
 * Adds and pins share the repository; garbage collection takes it alone. An add writes its blocks
 * before it pins them, so a collection running in between could delete a block the add is about
 * to pin (blocks are shared between files by content). First come, first served: a waiting
 * collection holds back later adds, so a stream of uploads cannot starve it.
 */
export class ReadWriteLock {
  private sharedHolders = 0;
  private exclusiveHeld = false;
  private readonly waiting: Waiter[] = [];

  async shared<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire(false);
    try {
      return await work();
    } finally {
      this.sharedHolders--;
      this.wakeWaiters();
    }
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire(true);
    try {
      return await work();
    } finally {
      this.exclusiveHeld = false;
      this.wakeWaiters();
    }
  }

  private acquire(exclusive: boolean): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push({ exclusive, grant: resolve });
      this.wakeWaiters();
    });
  }

  private wakeWaiters(): void {
    for (;;) {
      const next = this.waiting[0];
      if (next === undefined || this.exclusiveHeld) return;
      if (next.exclusive) {
        if (this.sharedHolders > 0) return;
        this.exclusiveHeld = true;
      } else {
        this.sharedHolders++;
      }
      this.waiting.shift();
      next.grant();
    }
  }
}
