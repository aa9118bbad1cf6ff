/** GET a JSON answer, failing unless it is a 200: two equal error bodies must not pass as equal answers. */
export async function okJson<T = any>(url: string): Promise<T> {
  const response = await fetch(url);
  if (response.status !== 200) {
    throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
}
