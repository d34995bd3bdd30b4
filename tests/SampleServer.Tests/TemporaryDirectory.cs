namespace McpFleet.SampleServer.Tests;

/// <summary>A fresh directory under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory() => Directory.CreateDirectory(FullPath);

    public string FullPath { get; } = Path.Join(Path.GetTempPath(), "mcpfleet-" + Guid.NewGuid().ToString("N"));

    public string Combine(string relativePath) => Path.Join(FullPath, relativePath);

    public void Dispose() => Directory.Delete(FullPath, recursive: true);
}
