namespace McpFleet.Batching;

/// <summary>What dispatched a batch: the metric's <c>mcpfleet.batch.trigger</c> tag.</summary>
internal enum BatchTrigger
{
    Size,
    Delay,
    Flush,
    Dispose,
}
