using McpFleet.Cli.Capture;
using McpFleet.Configuration;
using McpFleet.Snapshots;

namespace McpFleet.Cli.Tests.Capture;

public sealed class ProtocolVersionSelectorTests
{
    private static readonly ServerDefinition s_server = new() { Name = "s", Transport = TransportKind.Stdio, Command = "x" };
    private static readonly ServerDefinition s_pinnedServer = new() { Name = "s", Transport = TransportKind.Stdio, Command = "x", ProtocolVersion = "2025-06-18" };

    private static ServerSnapshot Previous(string? protocolVersion) => new() { Name = "s", ProtocolVersion = protocolVersion };

    [Fact]
    public void Negotiates_when_nothing_is_known() =>
        Assert.Equal((null, ProtocolVersionSource.Negotiated), ProtocolVersionSelector.Select(s_server, null, null));

    [Theory]
    [InlineData("2025-11-25")]
    [InlineData("2026-07-28")]
    public void Pins_the_revision_a_previous_snapshot_recorded(string recorded) =>
        Assert.Equal((recorded, ProtocolVersionSource.PreviousSnapshot), ProtocolVersionSelector.Select(s_server, null, Previous(recorded)));

    [Fact]
    public void Negotiates_when_the_previous_snapshot_recorded_no_revision() =>
        Assert.Equal((null, ProtocolVersionSource.Negotiated), ProtocolVersionSelector.Select(s_server, null, Previous(null)));

    [Fact]
    public void The_configuration_wins_over_a_previous_snapshot() =>
        Assert.Equal(("2025-06-18", ProtocolVersionSource.Configuration), ProtocolVersionSelector.Select(s_pinnedServer, null, Previous("2025-11-25")));

    [Fact]
    public void The_command_line_wins_over_everything() =>
        Assert.Equal(("2025-03-26", ProtocolVersionSource.CommandLine), ProtocolVersionSelector.Select(s_pinnedServer, "2025-03-26", Previous("2025-11-25")));

    [Fact]
    public void Auto_negotiates_afresh_even_where_a_snapshot_would_pin() =>
        Assert.Equal((null, ProtocolVersionSource.Negotiated), ProtocolVersionSelector.Select(s_server, "auto", Previous("2025-11-25")));
}
