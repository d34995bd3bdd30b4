namespace McpFleet.Cli.Tests.Repl;

/// <summary>
/// The REPL tests that start processes (the REPL and its sample servers) run one class at a time: together they would
/// crowd a small machine and slow the other classes' servers past their handshake timeouts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReplProcessGroup
{
    public const string Name = "REPL processes";
}
