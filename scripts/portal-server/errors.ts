/** The production build the server is asked to serve does not exist (yet). */
export class PortalBuildMissingError extends Error {
  constructor(readonly distDir: string) {
    super(`the portal has not been built: ${distDir}/index.html is missing. Build it with: npm run build:portal`);
    this.name = "PortalBuildMissingError";
  }
}

export class PortalPortInUseError extends Error {
  constructor(host: string, port: number) {
    super(
      `port ${port} on ${host} is already in use, so the portal cannot be served there ` +
        `(a Vite dev server, another "npm start"?). Stop it, or pick another port with --portal-port`,
    );
    this.name = "PortalPortInUseError";
  }
}
