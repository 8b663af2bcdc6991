using System.Diagnostics.CodeAnalysis;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Xent.Estimation;

/// <summary>
/// How <see cref="CountTable{TSymbol}"/> writes and reads its symbols, in JSON and in the binary format
/// (docs/formats/count-table.md). Supported: string, bool, char, the eight integer types, float, double, enums (as their
/// underlying integer), and value tuples of 1 … 7 of those. Everything is done by type tests on the element kinds, without
/// System.Text.Json's reflection-based serializer; reading a tuple constructs it through its constructor.
/// </summary>
internal sealed class SymbolCodec<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T> where T : notnull
{
    private enum Kind : byte
    {
        String = 1, Boolean, Char, SByte, Byte, Int16, UInt16, Int32, UInt32, Int64, UInt64, Single, Double,
    }

    private const byte EnumFlag = 0x80;

    private static readonly Type[] TupleDefinitions =
    [
        typeof(ValueTuple<>), typeof(ValueTuple<,>), typeof(ValueTuple<,,>), typeof(ValueTuple<,,,>),
        typeof(ValueTuple<,,,,>), typeof(ValueTuple<,,,,,>), typeof(ValueTuple<,,,,,,>),
    ];

    private static SymbolCodec<T>? s_instance;

    private readonly Type[] _types;
    private readonly byte[] _codes; // Kind, | EnumFlag for an enum
    private readonly bool _tuple;

    private SymbolCodec(Type[] types, byte[] codes, bool tuple)
    {
        _types = types;
        _codes = codes;
        _tuple = tuple;
    }

    /// <summary>The codec of <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException">T is not a supported symbol type (the message lists those that are).</exception>
    public static SymbolCodec<T> Instance => s_instance ??= Create();

    /// <summary>The element codes: one byte per element (one for a scalar).</summary>
    public ReadOnlySpan<byte> Codes => _codes;

    public bool IsTuple => _tuple;

    private static SymbolCodec<T> Create()
    {
        var type = typeof(T);
        if (type.IsGenericType && Array.IndexOf(TupleDefinitions, type.GetGenericTypeDefinition()) >= 0)
        {
            var types = type.GetGenericArguments();
            var codes = new byte[types.Length];
            for (int i = 0; i < types.Length; i++) codes[i] = CodeOf(types[i]) ?? Unsupported(types[i]);
            return new SymbolCodec<T>(types, codes, tuple: true);
        }
        return new SymbolCodec<T>([type], [CodeOf(type) ?? Unsupported(type)], tuple: false);
    }

    private static byte Unsupported(Type element)
    {
        ThrowHelper.ThrowNotSupported(
            $"count tables cannot serialize symbols of type {typeof(T)}" + (element == typeof(T) ? "" : $" (its element {element} is not supported)") +
            ": the supported symbol types are string, bool, char, sbyte, byte, short, ushort, int, uint, long, ulong, float, double, enums, and value tuples of 1 … 7 of those.");
        return 0;
    }

    private static byte? CodeOf(Type type)
    {
        if (type.IsEnum) return CodeOf(Enum.GetUnderlyingType(type)) is { } underlying ? (byte)(underlying | EnumFlag) : null;
        Kind? kind = Type.GetTypeCode(type) switch
        {
            TypeCode.String => Kind.String,
            TypeCode.Boolean => Kind.Boolean,
            TypeCode.Char => Kind.Char,
            TypeCode.SByte => Kind.SByte,
            TypeCode.Byte => Kind.Byte,
            TypeCode.Int16 => Kind.Int16,
            TypeCode.UInt16 => Kind.UInt16,
            TypeCode.Int32 => Kind.Int32,
            TypeCode.UInt32 => Kind.UInt32,
            TypeCode.Int64 => Kind.Int64,
            TypeCode.UInt64 => Kind.UInt64,
            TypeCode.Single => Kind.Single,
            TypeCode.Double => Kind.Double,
            _ => null,
        };
        return (byte?)kind;
    }

    private static string NameOf(byte code)
    {
        string name = ((Kind)(code & ~EnumFlag)) switch
        {
            Kind.String => "string", Kind.Boolean => "bool", Kind.Char => "char",
            Kind.SByte => "int8", Kind.Byte => "uint8", Kind.Int16 => "int16", Kind.UInt16 => "uint16",
            Kind.Int32 => "int32", Kind.UInt32 => "uint32", Kind.Int64 => "int64", Kind.UInt64 => "uint64",
            Kind.Single => "float32", Kind.Double => "float64",
            _ => $"unknown({code})",
        };
        return (code & EnumFlag) != 0 ? "enum:" + name : name;
    }

    /// <summary>The symbol type for messages: "int32", "(int32, string)".</summary>
    public static string Describe(ReadOnlySpan<byte> codes, bool tuple)
    {
        var names = new string[codes.Length];
        for (int i = 0; i < codes.Length; i++) names[i] = NameOf(codes[i]);
        return tuple ? "(" + string.Join(", ", names) + ")" : names[0];
    }

    public string Describe() => Describe(_codes, _tuple);

    // ---- JSON ----

    /// <summary>Writes the symbol type: "int32", or ["int32","string"] for a tuple.</summary>
    public void WriteJsonType(Utf8JsonWriter writer)
    {
        if (!_tuple)
        {
            writer.WriteStringValue(NameOf(_codes[0]));
            return;
        }
        writer.WriteStartArray();
        foreach (byte code in _codes) writer.WriteStringValue(NameOf(code));
        writer.WriteEndArray();
    }

    /// <summary>Whether <paramref name="type"/> (the "symbol" field) names this symbol type.</summary>
    public bool MatchesJsonType(JsonElement type)
    {
        if (!_tuple) return type.ValueKind == JsonValueKind.String && type.GetString() == NameOf(_codes[0]);
        if (type.ValueKind != JsonValueKind.Array || type.GetArrayLength() != _codes.Length) return false;
        int i = 0;
        foreach (var item in type.EnumerateArray())
            if (item.ValueKind != JsonValueKind.String || item.GetString() != NameOf(_codes[i++])) return false;
        return true;
    }

    public void WriteJson(Utf8JsonWriter writer, T symbol)
    {
        if (!_tuple)
        {
            WriteJsonElement(writer, _codes[0], symbol);
            return;
        }
        var tuple = (ITuple)symbol;
        writer.WriteStartArray();
        for (int i = 0; i < _codes.Length; i++) WriteJsonElement(writer, _codes[i], tuple[i]!);
        writer.WriteEndArray();
    }

    /// <summary>Reads a symbol; a value of the wrong JSON kind or out of range is <see cref="InvalidDataException"/>.</summary>
    public T ReadJson(JsonElement value)
    {
        if (!_tuple) return (T)ReadJsonElement(value, _codes[0], _types[0]);
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != _codes.Length)
            ThrowHelper.ThrowInvalidData($"symbol {value.GetRawText()} is not a {Describe()} tuple (a JSON array of {_codes.Length}).");
        var items = new object[_codes.Length];
        int i = 0;
        foreach (var item in value.EnumerateArray()) { items[i] = ReadJsonElement(item, _codes[i], _types[i]); i++; }
        return MakeTuple(items);
    }

    private static void WriteJsonElement(Utf8JsonWriter writer, byte code, object value)
    {
        switch ((Kind)(code & ~EnumFlag))
        {
            case Kind.String: writer.WriteStringValue(StrictUtf16((string)value)); break;
            case Kind.Boolean: writer.WriteBooleanValue((bool)value); break;
            case Kind.Char: writer.WriteNumberValue((char)value); break;
            case Kind.Single: WriteJsonFloat(writer, (float)value); break;
            case Kind.Double: WriteJsonFloat(writer, (double)value); break;
            case Kind.UInt64: writer.WriteNumberValue(Convert.ToUInt64(value, CultureInfo.InvariantCulture)); break;
            default: writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
        }
    }

    private static void WriteJsonFloat(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }

    private static void WriteJsonFloat(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteStringValue(float.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }

    private static object ReadJsonElement(JsonElement value, byte code, Type type)
    {
        var kind = (Kind)(code & ~EnumFlag);
        object? result = kind switch
        {
            Kind.String => value.ValueKind == JsonValueKind.String ? value.GetString() : null,
            Kind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null,
            Kind.Single => ReadJsonFloat(value) is double d ? (float)d : null,
            Kind.Double => ReadJsonFloat(value),
            Kind.UInt64 => value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out ulong u) ? u : null,
            _ => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long l) ? Narrow(kind, l) : null,
        };
        if (result is null) ThrowHelper.ThrowInvalidData($"symbol element {value.GetRawText()} is not a {NameOf(code)}.");
        return (code & EnumFlag) != 0 ? Enum.ToObject(type, result) : result;
    }

    private static object? ReadJsonFloat(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString() switch
        {
            "NaN" => double.NaN, "Infinity" => double.PositiveInfinity, "-Infinity" => double.NegativeInfinity, _ => null,
        },
        _ => null,
    };

    /// <summary>A JSON integer as the integer kind <paramref name="kind"/>; null when out of its range.</summary>
    private static object? Narrow(Kind kind, long value) => kind switch
    {
        Kind.Char => value is >= char.MinValue and <= char.MaxValue ? (char)value : null,
        Kind.SByte => value is >= sbyte.MinValue and <= sbyte.MaxValue ? (sbyte)value : null,
        Kind.Byte => value is >= byte.MinValue and <= byte.MaxValue ? (byte)value : null,
        Kind.Int16 => value is >= short.MinValue and <= short.MaxValue ? (short)value : null,
        Kind.UInt16 => value is >= ushort.MinValue and <= ushort.MaxValue ? (ushort)value : null,
        Kind.Int32 => value is >= int.MinValue and <= int.MaxValue ? (int)value : null,
        Kind.UInt32 => value is >= uint.MinValue and <= uint.MaxValue ? (uint)value : null,
        Kind.Int64 => value,
        _ => null,
    };

    // ---- binary ----

    /// <summary>An upper bound on the binary size of <paramref name="symbol"/>, to size a writer.</summary>
    public int MaxBinaryLength(T symbol)
    {
        if (!_tuple) return ElementLength(_codes[0], symbol);
        var tuple = (ITuple)symbol;
        int length = 0;
        for (int i = 0; i < _codes.Length; i++) length += ElementLength(_codes[i], tuple[i]!);
        return length;
    }

    private static int ElementLength(byte code, object value) => (Kind)(code & ~EnumFlag) switch
    {
        Kind.String => 4 + Encoding.UTF8.GetMaxByteCount(((string)value).Length),
        Kind.Boolean or Kind.SByte or Kind.Byte => 1,
        Kind.Char or Kind.Int16 or Kind.UInt16 => 2,
        Kind.Int32 or Kind.UInt32 or Kind.Single => 4,
        _ => 8,
    };

    public void WriteBinary(CountTableFormat.Writer writer, T symbol)
    {
        if (!_tuple)
        {
            WriteBinaryElement(writer, _codes[0], symbol);
            return;
        }
        var tuple = (ITuple)symbol;
        for (int i = 0; i < _codes.Length; i++) WriteBinaryElement(writer, _codes[i], tuple[i]!);
    }

    public T ReadBinary(CountTableFormat.Reader reader)
    {
        if (!_tuple) return (T)ReadBinaryElement(reader, _codes[0], _types[0]);
        var items = new object[_codes.Length];
        for (int i = 0; i < items.Length; i++) items[i] = ReadBinaryElement(reader, _codes[i], _types[i]);
        return MakeTuple(items);
    }

    private static readonly UTF8Encoding Utf8Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static void WriteBinaryElement(CountTableFormat.Writer writer, byte code, object value)
    {
        switch ((Kind)(code & ~EnumFlag))
        {
            case Kind.String:
                string s = StrictUtf16((string)value);
                int length = Utf8Strict.GetByteCount(s);
                writer.UInt32((uint)length);
                Utf8Strict.GetBytes(s, writer.Ensure(length));
                break;
            case Kind.Boolean: writer.Byte((bool)value ? (byte)1 : (byte)0); break;
            case Kind.Char: writer.UInt16((char)value); break;
            case Kind.SByte or Kind.Byte: writer.Byte(unchecked((byte)Convert.ToInt64(value, CultureInfo.InvariantCulture))); break;
            case Kind.Int16 or Kind.UInt16: writer.UInt16(unchecked((ushort)Convert.ToInt64(value, CultureInfo.InvariantCulture))); break;
            case Kind.Int32 or Kind.UInt32: writer.UInt32(unchecked((uint)Convert.ToInt64(value, CultureInfo.InvariantCulture))); break;
            case Kind.Int64: writer.UInt64(unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture))); break;
            case Kind.UInt64: writer.UInt64(Convert.ToUInt64(value, CultureInfo.InvariantCulture)); break;
            case Kind.Single: writer.UInt32(BitConverter.SingleToUInt32Bits((float)value)); break;
            case Kind.Double: writer.UInt64(BitConverter.DoubleToUInt64Bits((double)value)); break;
        }
    }

    private static object ReadBinaryElement(CountTableFormat.Reader reader, byte code, Type type)
    {
        object value = (Kind)(code & ~EnumFlag) switch
        {
            Kind.String => ReadString(reader),
            Kind.Boolean => reader.Byte() switch { 0 => false, 1 => true, var b => Bad(b) },
            Kind.Char => (char)reader.UInt16(),
            Kind.SByte => (sbyte)reader.Byte(),
            Kind.Byte => reader.Byte(),
            Kind.Int16 => (short)reader.UInt16(),
            Kind.UInt16 => reader.UInt16(),
            Kind.Int32 => (int)reader.UInt32(),
            Kind.UInt32 => reader.UInt32(),
            Kind.Int64 => (long)reader.UInt64(),
            Kind.UInt64 => reader.UInt64(),
            Kind.Single => BitConverter.UInt32BitsToSingle(reader.UInt32()),
            _ => BitConverter.UInt64BitsToDouble(reader.UInt64()),
        };
        return (code & EnumFlag) != 0 ? Enum.ToObject(type, value) : value;

        static object Bad(byte b)
        {
            ThrowHelper.ThrowInvalidData($"count table: a bool symbol is stored as {b} (must be 0 or 1).");
            return false;
        }
    }

    private static string ReadString(CountTableFormat.Reader reader)
    {
        uint length = reader.UInt32();
        var bytes = reader.Take(length > int.MaxValue ? -1 : (int)length);
        try
        {
            return Utf8Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            ThrowHelper.ThrowInvalidData("count table: a string symbol is not valid UTF-8.");
            return "";
        }
    }

    /// <summary>Refuses a string with a lone surrogate: neither UTF-8 nor JSON can carry it without changing it.</summary>
    private static string StrictUtf16(string value)
    {
        if (HasLoneSurrogate(value, out int bad))
            ThrowHelper.ThrowNotSupported($"a string symbol has a lone surrogate at index {bad} (U+{(int)value[bad]:X4}); UTF-8 and JSON cannot carry it unchanged.");
        return value;
    }

    private static bool HasLoneSurrogate(string value, out int index)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(value[i])) { index = i; return true; }
        }
        index = -1;
        return false;
    }

    private static T MakeTuple(object[] items) => (T)Activator.CreateInstance(typeof(T), items)!;

    /// <summary>Checks a binary descriptor (the element codes) against this type.</summary>
    public bool Matches(ReadOnlySpan<byte> codes, bool tuple) => tuple == _tuple && codes.SequenceEqual(_codes);
}
