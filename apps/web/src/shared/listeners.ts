/** The listeners of one kind of update, called in the order they were added. */
export class Listeners<Args extends unknown[]> {
  private readonly listeners = new Set<(...args: Args) => void>();

  /** Adds `listener`; the function returned removes it. */
  add(listener: (...args: Args) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(...args: Args): void {
    this.listeners.forEach((listener) => listener(...args));
  }

  clear(): void {
    this.listeners.clear();
  }
}
