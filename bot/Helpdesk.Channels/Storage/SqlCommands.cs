using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Channels.Storage;

/// <summary>Parameterised commands that read the same on SQLite and PostgreSQL.</summary>
public static class SqlCommands
{
    /// <summary>A command with its parameters bound by name (<c>@name</c> in the text); null binds SQL NULL.</summary>
    public static DbCommand Sql(this DbConnection connection, string text, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = Bind(connection, value);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static void Run(this DbConnection connection, string text)
    {
        using var command = connection.Sql(text);
        command.ExecuteNonQuery();
    }

    public static async Task<int> RunAsync(this DbConnection connection, string text, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Sql(text, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A point in time however the database stored it: ISO-8601 text (SQLite) or timestamptz (PostgreSQL).</summary>
    public static DateTimeOffset GetTimestamp(this DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        DateTimeOffset at => at,
        DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
        var other => throw new InvalidDataException($"Column {reader.GetName(ordinal)} holds {other.GetType().Name}, not a timestamp."),
    };

    public static string? GetNullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Numbers as the database returns them (SQLite: always 64-bit; PostgreSQL: the column's width).</summary>
    public static long GetNumber(this DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>Timestamps go to SQLite as fixed-width UTC text, so text order is time order and
    /// comparisons in SQL work; PostgreSQL gets a UTC timestamptz.</summary>
    private static object Bind(DbConnection connection, object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset at when connection is SqliteConnection => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToUniversalTime(),
        _ => value,
    };
}
