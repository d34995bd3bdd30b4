using System.Collections.Concurrent;
using McpFleet.Testing;
using ModelContextProtocol;

namespace McpFleet.IntegrationTests;

/// <summary>A generated method's progress receiver gets the notifications the server sends while its tool runs.</summary>
public sealed class ProgressTests
{
    [Fact]
    public async Task A_long_running_tool_reports_each_step_to_the_generated_methods_progress_receiver()
    {
        await using var fleet = Fleets.Create(Fleets.Stdio("everything", ReferenceServers.Everything()));
        var progress = new RecordingProgress();

        var result = await fleet.Everything.TriggerLongRunningOperationAsync(duration: 2, steps: 4, progress: progress);

        // The SDK handles notifications concurrently and apart from responses: the receiver sees the steps only go up
        // (a stale one is dropped), and one handled after the result is not reported, so the steps are an increasing
        // run within 1..4, not necessarily all of them.
        Assert.Contains("completed", result.Text, StringComparison.OrdinalIgnoreCase);
        var steps = progress.Values.Select(value => value.Progress).ToList();
        Assert.NotEmpty(steps);
        Assert.Equal(steps.Order(), steps);
        Assert.Equal(steps.Count, steps.Distinct().Count());
        Assert.All(progress.Values, value => Assert.InRange(value.Progress, 1, 4));
        Assert.All(progress.Values, value => Assert.Equal(4, value.Total));
    }

    [Fact]
    public async Task Without_a_receiver_the_server_is_asked_for_no_progress_and_the_call_still_runs()
    {
        await using var fleet = Fleets.Create(Fleets.Stdio("everything", ReferenceServers.Everything()));

        var result = await fleet.Everything.TriggerLongRunningOperationAsync(duration: 0.3, steps: 3);

        Assert.Contains("completed", result.Text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Records synchronously, in arrival order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class RecordingProgress : IProgress<ProgressNotificationValue>
    {
        private readonly ConcurrentQueue<ProgressNotificationValue> _values = new();

        public IReadOnlyList<ProgressNotificationValue> Values => [.. _values];

        public void Report(ProgressNotificationValue value) => _values.Enqueue(value);
    }
}
