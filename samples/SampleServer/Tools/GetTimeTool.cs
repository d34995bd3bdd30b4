using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace McpFleet.SampleServer.Tools;

/// <summary>The <c>get_time</c> tool: the current time in UTC and in a time zone.</summary>
internal sealed class GetTimeTool(TimeProvider timeProvider)
{
    public McpServerTool Create() => McpServerTool.Create(GetTime, new McpServerToolCreateOptions
    {
        Name = ToolNames.GetTime,
        Title = "Get time",
        Description = "Returns the current time in UTC and in a time zone (ISO-8601), with the Unix time in milliseconds.",
        ReadOnly = true,
        Destructive = false,
        OpenWorld = false,
        UseStructuredContent = true,
    });

    internal TimeReading GetTime(
        [Description("An IANA time zone id such as 'Europe/Paris' or 'America/New_York'; defaults to the server's local time zone.")]
        string? timezone = null)
    {
        TimeZoneInfo zone = string.IsNullOrWhiteSpace(timezone) ? timeProvider.LocalTimeZone : FindZone(timezone);
        DateTimeOffset now = timeProvider.GetUtcNow();
        return new TimeReading(now.UtcDateTime, zone.Id, TimeZoneInfo.ConvertTime(now, zone), now.ToUnixTimeMilliseconds());
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new McpException($"Unknown time zone '{id}'; use an IANA id such as 'Europe/Paris'.", exception);
        }
    }

    /// <param name="Utc">The current time in UTC.</param>
    /// <param name="Timezone">The id of the time zone <paramref name="Local"/> is in.</param>
    /// <param name="Local">The current time in that time zone, with its UTC offset.</param>
    /// <param name="UnixTimeMilliseconds">Milliseconds since 1970-01-01T00:00:00Z.</param>
    internal sealed record TimeReading(DateTime Utc, string Timezone, DateTimeOffset Local, long UnixTimeMilliseconds);
}
