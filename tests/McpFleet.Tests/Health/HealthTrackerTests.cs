using McpFleet.Health;

using Microsoft.Extensions.Time.Testing;

namespace McpFleet.Tests.Health;

public sealed class HealthTrackerTests
{
    [Fact]
    public void Becomes_unhealthy_after_the_threshold_of_failures_in_a_row_and_healthy_after_one_success()
    {
        var time = new FakeTimeProvider();
        var tracker = new HealthTracker("svc", failureThreshold: 3, time);
        var changes = new List<ServerHealthChangedEventArgs>();
        tracker.Changed += (_, change) => changes.Add(change);

        tracker.RecordSuccess("connected");
        tracker.RecordFailure("probe 1");
        tracker.RecordFailure("probe 2");
        var beforeThreshold = tracker.Current;
        time.Advance(TimeSpan.FromSeconds(5));
        tracker.RecordFailure("probe 3");
        var afterThreshold = tracker.Current;
        time.Advance(TimeSpan.FromSeconds(10));
        tracker.RecordSuccess("recovery probe");

        Assert.Equal(ServerHealth.Healthy, beforeThreshold);
        Assert.Equal(ServerHealth.Unhealthy, afterThreshold);
        Assert.Equal(ServerHealth.Healthy, tracker.Current);
        Assert.Equal(
            [(ServerHealth.Unknown, ServerHealth.Healthy, "connected"), (ServerHealth.Healthy, ServerHealth.Unhealthy, "probe 3"), (ServerHealth.Unhealthy, ServerHealth.Healthy, "recovery probe")],
            changes.Select(c => (c.Previous, c.Current, c.Reason)));
        Assert.Equal(time.GetUtcNow().AddSeconds(-10), changes[1].Timestamp);
        Assert.Equal(0, tracker.ConsecutiveFailures);
    }

    [Fact]
    public void A_success_between_failures_starts_the_count_again()
    {
        var tracker = new HealthTracker("svc", failureThreshold: 2, new FakeTimeProvider());

        tracker.RecordFailure("one");
        tracker.RecordSuccess("ok");
        tracker.RecordFailure("two");

        Assert.Equal(ServerHealth.Healthy, tracker.Current);
        Assert.Equal(1, tracker.ConsecutiveFailures);
    }
}
