using McpFleet.Configuration;

namespace McpFleet.Tests.Configuration;

public sealed class SecretRedactorTests
{
    [Fact]
    public void Masks_every_occurrence_of_every_secret()
    {
        var text = SecretRedactor.Redact("token=abcd1234; again abcd1234; user=bob-the-user", ["abcd1234", "bob-the-user"]);

        Assert.Equal("token=***; again ***; user=***", text);
    }

    [Fact]
    public void Masks_a_secret_that_contains_another_as_a_whole()
    {
        Assert.Equal("Authorization: ***", SecretRedactor.Redact("Authorization: Bearer abcd1234", ["abcd1234", "Bearer abcd1234"]));
    }

    [Fact]
    public void Leaves_values_too_short_to_be_secrets()
    {
        Assert.Equal("level 1 on", SecretRedactor.Redact("level 1 on", ["1", "on"]));
        Assert.False(SecretRedactor.ContainsSecret("level 1 on", ["1", "on"]));
    }

    [Fact]
    public void Finds_secrets_in_text()
    {
        Assert.True(SecretRedactor.ContainsSecret("x-abcd1234-y", ["abcd1234"]));
        Assert.False(SecretRedactor.ContainsSecret("x-abcd123-y", ["abcd1234"]));
    }
}
