using System.Globalization;
using CsvHelper;

namespace CoachBot.Coaching.Managers;

public sealed record RosterRow(string Email, string? Name, string Role, string? ManagerEmail, string? TimeZone);

/// <summary>Reads a roster CSV (email, name, role, manager, time zone; header optional). All rows are checked before any is used.</summary>
public static class RosterCsv
{
    public const int MaxRows = 5000;
    private static readonly string[] Roles = ["rep", "manager", "admin"];

    public static (IReadOnlyList<RosterRow> Rows, string? Error) Parse(string csv)
    {
        try
        {
            return ParseRows(csv);
        }
        catch (CsvFormatException)
        {
            return ([], "The CSV is malformed (check the quotes).");
        }
    }

    private static (IReadOnlyList<RosterRow> Rows, string? Error) ParseRows(string csv)
    {
        var rows = new List<RosterRow>();
        using var reader = CsvReader.FromText(csv, new CsvReaderOptions { HasHeader = false, TrimWhitespace = true, FormatProvider = CultureInfo.InvariantCulture });
        var line = 0;
        while (reader.Read())
        {
            line++;
            var fields = Enumerable.Range(0, 5).Select(i => i < reader.FieldCount && reader.GetString(i) is { } f && !string.IsNullOrWhiteSpace(f) ? f.Trim() : null).ToArray();
            if (line == 1 && string.Equals(fields[0], "email", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (fields.All(f => f is null))
            {
                continue;
            }

            if (Check(fields, line) is { } problem)
            {
                return ([], problem);
            }

            rows.Add(new RosterRow(fields[0]!.ToLowerInvariant(), fields[1], fields[2]?.ToLowerInvariant() ?? "rep", fields[3]?.ToLowerInvariant(), fields[4]));
            if (rows.Count > MaxRows)
            {
                return ([], $"More than {MaxRows} rows; split the file.");
            }
        }

        var duplicate = rows.GroupBy(r => r.Email).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null ? ([], $"{duplicate.Key} appears more than once.")
            : rows.Count == 0 ? ([], "No roster rows found.")
            : (rows, null);
    }

    private static string? Check(string?[] fields, int line)
    {
        if (fields[0] is not { } email || !email.Contains('@') || email.Length > 254)
        {
            return $"Line {line}: \"{CommandArguments.Shorten(fields[0] ?? "")}\" is not an email.";
        }

        if (fields[2] is { } role && !Roles.Contains(role.ToLowerInvariant()))
        {
            return $"Line {line}: role \"{CommandArguments.Shorten(role)}\" must be rep, manager or admin.";
        }

        if (fields[3] is { } manager && !manager.Contains('@'))
        {
            return $"Line {line}: manager \"{CommandArguments.Shorten(manager)}\" must be the manager's email.";
        }

        if (fields[4] is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return $"Line {line}: time zone \"{CommandArguments.Shorten(zone)}\" is not an IANA time zone (e.g. Europe/Paris).";
        }

        return null;
    }
}
