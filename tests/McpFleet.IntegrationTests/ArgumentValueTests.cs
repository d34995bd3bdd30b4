using McpFleet.Configuration;
using McpFleet.IntegrationTests.Generated;
using McpFleet.IntegrationTests.Generated.Everything;

namespace McpFleet.IntegrationTests;

/// <summary>
/// A value JSON cannot carry fails the generated method before anything is sent, naming the tool and the argument:
/// the fleet is configured with a server that is never started, so a call that got as far as connecting would fail
/// differently.
/// </summary>
public sealed class ArgumentValueTests
{
    private static TestFleet Configured() => Fleets.Create(ServerDefinition.Stdio("everything", "never-started"));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task A_number_json_has_no_form_for_names_the_tool_and_the_argument(double value)
    {
        await using var fleet = Configured();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => fleet.Everything.GetSumAsync(1, value));

        Assert.StartsWith("Tool 'get-sum' was not called: 'b' is ", error.Message, StringComparison.Ordinal);
        Assert.Equal("b", Assert.IsType<ArgumentOutOfRangeException>(error.InnerException).ParamName);
    }

    [Fact]
    public async Task An_undefined_enum_value_names_the_argument_and_the_allowed_values()
    {
        await using var fleet = Configured();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => fleet.Everything.GetStructuredContentAsync((GetStructuredContentLocation)42));

        Assert.Equal("location", Assert.IsType<ArgumentOutOfRangeException>(error.InnerException).ParamName);
        Assert.StartsWith(
            "Tool 'get-structured-content' was not called: 'location' 42 is not one of the values the tool's schema allows: New York, Chicago, Los Angeles.",
            error.Message,
            StringComparison.Ordinal);
    }
}
