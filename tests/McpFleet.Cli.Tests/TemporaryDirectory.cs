namespace McpFleet.Cli.Tests;

/// <summary>A fresh folder, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mcpfleet-cli-").FullName;

    public string Combine(params string[] parts) => System.IO.Path.Join([Path, .. parts]);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
