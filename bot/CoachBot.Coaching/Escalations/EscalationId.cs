using System.Globalization;

namespace CoachBot.Coaching.Escalations;

/// <summary>The short id people type and see: "E-42".</summary>
public static class EscalationId
{
    public static string Format(long id) => $"E-{id.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, out long id)
    {
        id = 0;
        var digits = text?.Trim() ?? "";
        if (digits.StartsWith("E-", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        return digits.Length is > 0 and <= 18 && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }
}
