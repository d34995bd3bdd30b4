using System.Globalization;
using System.Text;
using McpFleet.Configuration;

namespace McpFleet.Cli;

/// <summary>
/// Asks the person at the terminal for the values of an <c>mcp.json</c>'s <c>inputs</c> (<c>${input:ID}</c>), as VS Code
/// does: the prompt on the error output, so that results on the output stay clean, and a password typed unseen.
/// </summary>
internal static class TerminalInput
{
    /// <summary>Prompts for <paramref name="input"/> and reads the answer from the terminal.</summary>
    public static string Read(McpInput input)
    {
        var prompt = new StringBuilder(input.Description ?? input.Id);
        for (var i = 0; i < input.Options.Count; i++)
        {
            prompt.Append(CultureInfo.InvariantCulture, $"\n  {i + 1}. {input.Options[i]}");
        }

        if (input.Default is { Length: > 0 } defaultValue && !input.Password)
        {
            prompt.Append(CultureInfo.InvariantCulture, $" [{defaultValue}]");
        }

        Console.Error.Write($"{prompt}{(input.Options.Count > 0 ? "\n" : "")}: ");
        var typed = input.Password ? ReadHidden() : Console.ReadLine() ?? "";
        if (typed.Length == 0 && input.Default is { } fallback)
        {
            return fallback;
        }

        // A pick is its option's number or the option itself.
        return int.TryParse(typed, out var number) && number >= 1 && number <= input.Options.Count ? input.Options[number - 1] : typed;
    }

    /// <summary>Asks nobody: input is redirected, so no one is there to type a secret.</summary>
    public static string Refuse(McpInput input) =>
        throw new InvalidOperationException(
            $"'{input.Description ?? input.Id}' must be typed at a terminal, but the input of mcpfleet is redirected; put the value in an environment variable and refer to it as ${{env:NAME}}.");

    private static string ReadHidden()
    {
        var typed = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }
}
