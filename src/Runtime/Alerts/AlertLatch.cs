namespace McpFleet.Alerts;

/// <summary>One alert's state: it reports a change only when a check finds the threshold crossed, or recovered, after the
/// opposite, so an alert fires once and clears once.</summary>
internal sealed class AlertLatch
{
    public bool IsActive { get; private set; }

    /// <summary>Records a check; <see langword="true"/> when the alert changed state.</summary>
    public bool Update(bool breached)
    {
        if (breached == IsActive)
        {
            return false;
        }

        IsActive = breached;
        return true;
    }
}
