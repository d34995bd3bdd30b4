using McpFleet.Drift;
using McpFleet.Tests.Runtime;
using McpFleet.Tests.Security;
using McpFleet.Tools;
using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Drift;

/// <summary>
/// Changes no <c>list_changed</c> announced are seen: by listing again every relist interval, and before a destructive
/// call on an old verdict. Time is a <see cref="FakeTimeProvider"/>: nothing waits for the interval to pass.
/// </summary>
public sealed class RelistTests
{
    [Fact]
    public async Task A_tool_changed_without_notice_is_seen_within_the_relist_interval()
    {
        var server = Hostile.Stdio("drifting") with { ProtocolVersion = "2025-11-25" };
        var descriptor = await Hostile.CaptureAsync(server);
        var time = new FakeTimeProvider();
        var options = TestServers.FastOptions(server);
        options.TimeProvider = time;
        await using var runtime = new FleetRuntime(options, new FleetManifest([descriptor]));
        var detected = new TaskCompletionSource<DriftDetectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        runtime.DriftDetected += (_, e) => detected.TrySetResult(e);
        await runtime.ConnectAsync();

        await Hostile.CallAsync(runtime, "drifting", "mutate");
        time.Advance(options.Drift.RelistInterval);
        var drift = await detected.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(descriptor.ToolsCanChange);
        Assert.Contains(drift.Decisions, d => d.Change is { ToolName: "echo", Kind: DriftChangeKind.AnnotationEscalated } && d.Action == DriftAction.Block);
        await Assert.ThrowsAsync<ToolBlockedException>(() => Hostile.CallAsync(runtime, "drifting", "echo", """{ "message": "hi" }"""));
    }

    [Fact]
    public async Task A_destructive_call_on_an_old_verdict_checks_the_live_definition_first()
    {
        var server = Hostile.Stdio("destroying") with { ProtocolVersion = "2025-11-25" };
        var time = new FakeTimeProvider();
        var options = TestServers.FastOptions(server);
        options.TimeProvider = time;
        options.Drift.Relist = RelistMode.Never;
        await using var runtime = new FleetRuntime(options, new FleetManifest([await Hostile.CaptureAsync(server)]));
        await runtime.ConnectAsync();

        await Hostile.CallAsync(runtime, "destroying", "mutate");
        // On a fresh verdict the call goes out as the snapshot has it, although the server has changed it since.
        Assert.Equal("deleted", (await Hostile.CallAsync(runtime, "destroying", "delete_all")).Text);
        time.Advance(options.Drift.DestructiveCallMaxCheckAge + TimeSpan.FromSeconds(1));
        var refused = await Assert.ThrowsAsync<ToolBlockedException>(() => Hostile.CallAsync(runtime, "destroying", "delete_all"));

        Assert.Contains(refused.Changes, change => change.Kind == DriftChangeKind.RequiredParameterAdded);
    }
}
