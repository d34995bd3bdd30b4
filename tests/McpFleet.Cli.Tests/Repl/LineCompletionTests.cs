using McpFleet.Cli.Repl.Input;

namespace McpFleet.Cli.Tests.Repl;

/// <summary>Tab completion of the word before the cursor.</summary>
public sealed class LineCompletionTests
{
    private static readonly Dictionary<string, string[]> s_next = new(StringComparer.Ordinal)
    {
        [""] = ["add", "call", "quit", "remove", "servers", "stats", "strategy", "tools"],
        ["call"] = ["alpha", "beta", "echo", "math_calc"],
        ["call alpha"] = ["echo", "math_calc"],
    };

    [Theory]
    [InlineData("", 0, new[] { "add", "call", "quit", "remove", "servers", "stats", "strategy", "tools" })]
    [InlineData("st", 0, new[] { "stats", "strategy" })]
    [InlineData("call ", 5, new[] { "alpha", "beta", "echo", "math_calc" })]
    [InlineData("call al", 5, new[] { "alpha" })]
    [InlineData("call  alpha  m", 13, new[] { "math_calc" })]
    [InlineData("call alpha echo {\"m", 16, new string[0])]
    [InlineData("frobnicate x", 11, new string[0])]
    public void Completes_the_last_word_from_the_candidates_for_its_position(string line, int wordStart, string[] matches)
    {
        var completion = LineCompletion.Complete(line, Next);

        Assert.Equal(wordStart, completion.WordStart);
        Assert.Equal(matches, completion.Matches);
    }

    [Theory]
    [InlineData("st", "st")]
    [InlineData("se", "servers")]
    [InlineData("str", "strategy")]
    [InlineData("x", "")]
    public void The_common_prefix_is_what_tab_fills_in(string line, string prefix) =>
        Assert.Equal(prefix, LineCompletion.Complete(line, Next).CommonPrefix);

    private static IEnumerable<string> Next(IReadOnlyList<string> previousWords) =>
        s_next.GetValueOrDefault(string.Join(' ', previousWords)) ?? [];
}
