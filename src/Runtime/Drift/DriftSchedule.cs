namespace McpFleet.Drift;

/// <summary>When a server's tools are checked again after its session opened.</summary>
/// <param name="MinRecheckInterval">The shortest time between two re-checks prompted by <c>list_changed</c>.</param>
/// <param name="RelistInterval">How often the tools are listed regardless; <see langword="null"/> for never.</param>
/// <param name="MaxCheckAge">How old a verdict may be for a destructive call; <see cref="Timeout.InfiniteTimeSpan"/> for any age.</param>
internal sealed record DriftSchedule(TimeSpan MinRecheckInterval, TimeSpan? RelistInterval, TimeSpan MaxCheckAge);
