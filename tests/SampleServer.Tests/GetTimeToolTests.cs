using McpFleet.SampleServer.Tools;
using ModelContextProtocol;

namespace McpFleet.SampleServer.Tests;

public class GetTimeToolTests
{
    private static readonly DateTimeOffset s_now = new(2026, 7, 28, 12, 30, 0, TimeSpan.Zero);

    private readonly GetTimeTool _tool = new(new FixedTimeProvider(s_now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));

    [Fact]
    public void The_time_is_given_in_utc_and_in_the_requested_zone()
    {
        GetTimeTool.TimeReading reading = _tool.GetTime("Europe/Paris");

        Assert.Equal(new DateTime(2026, 7, 28, 12, 30, 0, DateTimeKind.Utc), reading.Utc);
        Assert.Equal(DateTimeKind.Utc, reading.Utc.Kind);
        Assert.Equal("Europe/Paris", reading.Timezone);
        Assert.Equal(new DateTimeOffset(2026, 7, 28, 14, 30, 0, TimeSpan.FromHours(2)), reading.Local);
        Assert.Equal(TimeSpan.FromHours(2), reading.Local.Offset);
        Assert.Equal(s_now.ToUnixTimeMilliseconds(), reading.UnixTimeMilliseconds);
    }

    [Fact]
    public void Without_a_zone_the_local_time_zone_is_used()
    {
        GetTimeTool.TimeReading reading = _tool.GetTime();

        Assert.Equal("Asia/Tokyo", reading.Timezone);
        Assert.Equal(TimeSpan.FromHours(9), reading.Local.Offset);
    }

    [Fact]
    public void An_unknown_zone_is_a_tool_error_naming_it()
    {
        McpException exception = Assert.Throws<McpException>(() => _tool.GetTime("Mars/Olympus_Mons"));

        Assert.Equal("Unknown time zone 'Mars/Olympus_Mons'; use an IANA id such as 'Europe/Paris'.", exception.Message);
    }
}
