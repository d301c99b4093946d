/** The CLI's two streams: results on stdout (SQL, a flow file), progress and problems on stderr. */
export interface Output {
  out(text: string): void;
  err(line: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
