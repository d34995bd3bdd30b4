namespace McpFleet.Configuration;

/// <summary>A server the configuration names but that cannot be used, e.g. because an environment variable it refers to
/// is not set. The rest of the configuration is usable; calls to this server fail with <see cref="Reason"/>.</summary>
/// <param name="Name">The server's name.</param>
/// <param name="Reason">Why it cannot be used, naming the file, the field and the variable (never a value).</param>
public sealed record UnavailableServer(string Name, string Reason);
