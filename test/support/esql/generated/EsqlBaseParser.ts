
import * as antlr from "antlr4ng";
import { Token } from "antlr4ng";

// for running tests with parameters, TODO: discuss strategy for typed parameters in CI
// eslint-disable-next-line no-unused-vars
type int = number;


export class EsqlBaseParser extends antlr.Parser {
    public static readonly DISSECT = 1;
    public static readonly DROP = 2;
    public static readonly ENRICH = 3;
    public static readonly EVAL = 4;
    public static readonly EXPLAIN = 5;
    public static readonly FROM = 6;
    public static readonly GROK = 7;
    public static readonly INLINESTATS = 8;
    public static readonly KEEP = 9;
    public static readonly LIMIT = 10;
    public static readonly LOOKUP = 11;
    public static readonly META = 12;
    public static readonly MV_EXPAND = 13;
    public static readonly RENAME = 14;
    public static readonly ROW = 15;
    public static readonly SHOW = 16;
    public static readonly SORT = 17;
    public static readonly STATS = 18;
    public static readonly WHERE = 19;
    public static readonly UNKNOWN_CMD = 20;
    public static readonly LINE_COMMENT = 21;
    public static readonly MULTILINE_COMMENT = 22;
    public static readonly WS = 23;
    public static readonly EXPLAIN_WS = 24;
    public static readonly EXPLAIN_LINE_COMMENT = 25;
    public static readonly EXPLAIN_MULTILINE_COMMENT = 26;
    public static readonly PIPE = 27;
    public static readonly QUOTED_STRING = 28;
    public static readonly INTEGER_LITERAL = 29;
    public static readonly DECIMAL_LITERAL = 30;
    public static readonly BY = 31;
    public static readonly AND = 32;
    public static readonly ASC = 33;
    public static readonly ASSIGN = 34;
    public static readonly CAST_OP = 35;
    public static readonly COMMA = 36;
    public static readonly DESC = 37;
    public static readonly DOT = 38;
    public static readonly FALSE = 39;
    public static readonly FIRST = 40;
    public static readonly LAST = 41;
    public static readonly LP = 42;
    public static readonly IN = 43;
    public static readonly IS = 44;
    public static readonly LIKE = 45;
    public static readonly NOT = 46;
    public static readonly NULL = 47;
    public static readonly NULLS = 48;
    public static readonly OR = 49;
    public static readonly PARAM = 50;
    public static readonly RLIKE = 51;
    public static readonly RP = 52;
    public static readonly TRUE = 53;
    public static readonly EQ = 54;
    public static readonly CIEQ = 55;
    public static readonly NEQ = 56;
    public static readonly LT = 57;
    public static readonly LTE = 58;
    public static readonly GT = 59;
    public static readonly GTE = 60;
    public static readonly PLUS = 61;
    public static readonly MINUS = 62;
    public static readonly ASTERISK = 63;
    public static readonly SLASH = 64;
    public static readonly PERCENT = 65;
    public static readonly OPENING_BRACKET = 66;
    public static readonly CLOSING_BRACKET = 67;
    public static readonly UNQUOTED_IDENTIFIER = 68;
    public static readonly QUOTED_IDENTIFIER = 69;
    public static readonly EXPR_LINE_COMMENT = 70;
    public static readonly EXPR_MULTILINE_COMMENT = 71;
    public static readonly EXPR_WS = 72;
    public static readonly OPTIONS = 73;
    public static readonly METADATA = 74;
    public static readonly FROM_UNQUOTED_IDENTIFIER = 75;
    public static readonly FROM_LINE_COMMENT = 76;
    public static readonly FROM_MULTILINE_COMMENT = 77;
    public static readonly FROM_WS = 78;
    public static readonly ID_PATTERN = 79;
    public static readonly PROJECT_LINE_COMMENT = 80;
    public static readonly PROJECT_MULTILINE_COMMENT = 81;
    public static readonly PROJECT_WS = 82;
    public static readonly AS = 83;
    public static readonly RENAME_LINE_COMMENT = 84;
    public static readonly RENAME_MULTILINE_COMMENT = 85;
    public static readonly RENAME_WS = 86;
    public static readonly ON = 87;
    public static readonly WITH = 88;
    public static readonly ENRICH_POLICY_NAME = 89;
    public static readonly ENRICH_LINE_COMMENT = 90;
    public static readonly ENRICH_MULTILINE_COMMENT = 91;
    public static readonly ENRICH_WS = 92;
    public static readonly ENRICH_FIELD_LINE_COMMENT = 93;
    public static readonly ENRICH_FIELD_MULTILINE_COMMENT = 94;
    public static readonly ENRICH_FIELD_WS = 95;
    public static readonly LOOKUP_LINE_COMMENT = 96;
    public static readonly LOOKUP_MULTILINE_COMMENT = 97;
    public static readonly LOOKUP_WS = 98;
    public static readonly MVEXPAND_LINE_COMMENT = 99;
    public static readonly MVEXPAND_MULTILINE_COMMENT = 100;
    public static readonly MVEXPAND_WS = 101;
    public static readonly INFO = 102;
    public static readonly SHOW_LINE_COMMENT = 103;
    public static readonly SHOW_MULTILINE_COMMENT = 104;
    public static readonly SHOW_WS = 105;
    public static readonly FUNCTIONS = 106;
    public static readonly META_LINE_COMMENT = 107;
    public static readonly META_MULTILINE_COMMENT = 108;
    public static readonly META_WS = 109;
    public static readonly COLON = 110;
    public static readonly SETTING = 111;
    public static readonly SETTING_LINE_COMMENT = 112;
    public static readonly SETTTING_MULTILINE_COMMENT = 113;
    public static readonly SETTING_WS = 114;
    public static readonly RULE_singleStatement = 0;
    public static readonly RULE_query = 1;
    public static readonly RULE_sourceCommand = 2;
    public static readonly RULE_processingCommand = 3;
    public static readonly RULE_whereCommand = 4;
    public static readonly RULE_booleanExpression = 5;
    public static readonly RULE_regexBooleanExpression = 6;
    public static readonly RULE_valueExpression = 7;
    public static readonly RULE_operatorExpression = 8;
    public static readonly RULE_primaryExpression = 9;
    public static readonly RULE_functionExpression = 10;
    public static readonly RULE_dataType = 11;
    public static readonly RULE_rowCommand = 12;
    public static readonly RULE_fields = 13;
    public static readonly RULE_field = 14;
    public static readonly RULE_fromCommand = 15;
    public static readonly RULE_fromIdentifier = 16;
    public static readonly RULE_fromOptions = 17;
    public static readonly RULE_configOption = 18;
    public static readonly RULE_metadata = 19;
    public static readonly RULE_metadataOption = 20;
    public static readonly RULE_deprecated_metadata = 21;
    public static readonly RULE_evalCommand = 22;
    public static readonly RULE_statsCommand = 23;
    public static readonly RULE_inlinestatsCommand = 24;
    public static readonly RULE_qualifiedName = 25;
    public static readonly RULE_qualifiedNamePattern = 26;
    public static readonly RULE_identifier = 27;
    public static readonly RULE_identifierPattern = 28;
    public static readonly RULE_constant = 29;
    public static readonly RULE_limitCommand = 30;
    public static readonly RULE_sortCommand = 31;
    public static readonly RULE_orderExpression = 32;
    public static readonly RULE_keepCommand = 33;
    public static readonly RULE_dropCommand = 34;
    public static readonly RULE_renameCommand = 35;
    public static readonly RULE_renameClause = 36;
    public static readonly RULE_dissectCommand = 37;
    public static readonly RULE_grokCommand = 38;
    public static readonly RULE_mvExpandCommand = 39;
    public static readonly RULE_commandOptions = 40;
    public static readonly RULE_commandOption = 41;
    public static readonly RULE_booleanValue = 42;
    public static readonly RULE_numericValue = 43;
    public static readonly RULE_decimalValue = 44;
    public static readonly RULE_integerValue = 45;
    public static readonly RULE_string = 46;
    public static readonly RULE_comparisonOperator = 47;
    public static readonly RULE_explainCommand = 48;
    public static readonly RULE_subqueryExpression = 49;
    public static readonly RULE_showCommand = 50;
    public static readonly RULE_metaCommand = 51;
    public static readonly RULE_enrichCommand = 52;
    public static readonly RULE_enrichWithClause = 53;

    public static readonly literalNames = [
        null, "'dissect'", "'drop'", "'enrich'", "'eval'", "'explain'", 
        "'from'", "'grok'", "'inlinestats'", "'keep'", "'limit'", "'lookup'", 
        "'meta'", "'mv_expand'", "'rename'", "'row'", "'show'", "'sort'", 
        "'stats'", "'where'", null, null, null, null, null, null, null, 
        "'|'", null, null, null, "'by'", "'and'", "'asc'", "'='", "'::'", 
        "','", "'desc'", "'.'", "'false'", "'first'", "'last'", "'('", "'in'", 
        "'is'", "'like'", "'not'", "'null'", "'nulls'", "'or'", "'?'", "'rlike'", 
        "')'", "'true'", "'=='", "'=~'", "'!='", "'<'", "'<='", "'>'", "'>='", 
        "'+'", "'-'", "'*'", "'/'", "'%'", null, "']'", null, null, null, 
        null, null, "'options'", "'metadata'", null, null, null, null, null, 
        null, null, null, "'as'", null, null, null, null, "'with'", null, 
        null, null, null, null, null, null, null, null, null, null, null, 
        null, "'info'", null, null, null, "'functions'", null, null, null, 
        "':'"
    ];

    public static readonly symbolicNames = [
        null, "DISSECT", "DROP", "ENRICH", "EVAL", "EXPLAIN", "FROM", "GROK", 
        "INLINESTATS", "KEEP", "LIMIT", "LOOKUP", "META", "MV_EXPAND", "RENAME", 
        "ROW", "SHOW", "SORT", "STATS", "WHERE", "UNKNOWN_CMD", "LINE_COMMENT", 
        "MULTILINE_COMMENT", "WS", "EXPLAIN_WS", "EXPLAIN_LINE_COMMENT", 
        "EXPLAIN_MULTILINE_COMMENT", "PIPE", "QUOTED_STRING", "INTEGER_LITERAL", 
        "DECIMAL_LITERAL", "BY", "AND", "ASC", "ASSIGN", "CAST_OP", "COMMA", 
        "DESC", "DOT", "FALSE", "FIRST", "LAST", "LP", "IN", "IS", "LIKE", 
        "NOT", "NULL", "NULLS", "OR", "PARAM", "RLIKE", "RP", "TRUE", "EQ", 
        "CIEQ", "NEQ", "LT", "LTE", "GT", "GTE", "PLUS", "MINUS", "ASTERISK", 
        "SLASH", "PERCENT", "OPENING_BRACKET", "CLOSING_BRACKET", "UNQUOTED_IDENTIFIER", 
        "QUOTED_IDENTIFIER", "EXPR_LINE_COMMENT", "EXPR_MULTILINE_COMMENT", 
        "EXPR_WS", "OPTIONS", "METADATA", "FROM_UNQUOTED_IDENTIFIER", "FROM_LINE_COMMENT", 
        "FROM_MULTILINE_COMMENT", "FROM_WS", "ID_PATTERN", "PROJECT_LINE_COMMENT", 
        "PROJECT_MULTILINE_COMMENT", "PROJECT_WS", "AS", "RENAME_LINE_COMMENT", 
        "RENAME_MULTILINE_COMMENT", "RENAME_WS", "ON", "WITH", "ENRICH_POLICY_NAME", 
        "ENRICH_LINE_COMMENT", "ENRICH_MULTILINE_COMMENT", "ENRICH_WS", 
        "ENRICH_FIELD_LINE_COMMENT", "ENRICH_FIELD_MULTILINE_COMMENT", "ENRICH_FIELD_WS", 
        "LOOKUP_LINE_COMMENT", "LOOKUP_MULTILINE_COMMENT", "LOOKUP_WS", 
        "MVEXPAND_LINE_COMMENT", "MVEXPAND_MULTILINE_COMMENT", "MVEXPAND_WS", 
        "INFO", "SHOW_LINE_COMMENT", "SHOW_MULTILINE_COMMENT", "SHOW_WS", 
        "FUNCTIONS", "META_LINE_COMMENT", "META_MULTILINE_COMMENT", "META_WS", 
        "COLON", "SETTING", "SETTING_LINE_COMMENT", "SETTTING_MULTILINE_COMMENT", 
        "SETTING_WS"
    ];
    public static readonly ruleNames = [
        "singleStatement", "query", "sourceCommand", "processingCommand", 
        "whereCommand", "booleanExpression", "regexBooleanExpression", "valueExpression", 
        "operatorExpression", "primaryExpression", "functionExpression", 
        "dataType", "rowCommand", "fields", "field", "fromCommand", "fromIdentifier", 
        "fromOptions", "configOption", "metadata", "metadataOption", "deprecated_metadata", 
        "evalCommand", "statsCommand", "inlinestatsCommand", "qualifiedName", 
        "qualifiedNamePattern", "identifier", "identifierPattern", "constant", 
        "limitCommand", "sortCommand", "orderExpression", "keepCommand", 
        "dropCommand", "renameCommand", "renameClause", "dissectCommand", 
        "grokCommand", "mvExpandCommand", "commandOptions", "commandOption", 
        "booleanValue", "numericValue", "decimalValue", "integerValue", 
        "string", "comparisonOperator", "explainCommand", "subqueryExpression", 
        "showCommand", "metaCommand", "enrichCommand", "enrichWithClause",
    ];

    public get grammarFileName(): string { return "EsqlBaseParser.g4"; }
    public get literalNames(): (string | null)[] { return EsqlBaseParser.literalNames; }
    public get symbolicNames(): (string | null)[] { return EsqlBaseParser.symbolicNames; }
    public get ruleNames(): string[] { return EsqlBaseParser.ruleNames; }
    public get serializedATN(): number[] { return EsqlBaseParser._serializedATN; }

    protected createFailedPredicateException(predicate?: string, message?: string): antlr.FailedPredicateException {
        return new antlr.FailedPredicateException(this, predicate, message);
    }

    public constructor(input: antlr.TokenStream) {
        super(input);
        this.interpreter = new antlr.ParserATNSimulator(this, EsqlBaseParser._ATN, EsqlBaseParser.decisionsToDFA, new antlr.PredictionContextCache());
    }
    public singleStatement(): SingleStatementContext {
        let localContext = new SingleStatementContext(this.context, this.state);
        this.enterRule(localContext, 0, EsqlBaseParser.RULE_singleStatement);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 108;
            this.query(0);
            this.state = 109;
            this.match(EsqlBaseParser.EOF);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }

    public query(): QueryContext;
    public query(_p: number): QueryContext;
    public query(_p?: number): QueryContext {
        if (_p === undefined) {
            _p = 0;
        }

        let parentContext = this.context;
        let parentState = this.state;
        let localContext = new QueryContext(this.context, parentState);
        let previousContext = localContext;
        let _startState = 2;
        this.enterRecursionRule(localContext, 2, EsqlBaseParser.RULE_query, _p);
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            {
            localContext = new SingleCommandQueryContext(localContext);
            this.context = localContext;
            previousContext = localContext;

            this.state = 112;
            this.sourceCommand();
            }
            this.context!.stop = this.tokenStream.LT(-1);
            this.state = 119;
            this.errorHandler.sync(this);
            alternative = this.interpreter.adaptivePredict(this.tokenStream, 0, this.context);
            while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                if (alternative === 1) {
                    if (this.parseListeners != null) {
                        this.triggerExitRuleEvent();
                    }
                    previousContext = localContext;
                    {
                    {
                    localContext = new CompositeQueryContext(new QueryContext(parentContext, parentState));
                    this.pushNewRecursionContext(localContext, _startState, EsqlBaseParser.RULE_query);
                    this.state = 114;
                    if (!(this.precpred(this.context, 1))) {
                        throw this.createFailedPredicateException("this.precpred(this.context, 1)");
                    }
                    this.state = 115;
                    this.match(EsqlBaseParser.PIPE);
                    this.state = 116;
                    this.processingCommand();
                    }
                    }
                }
                this.state = 121;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 0, this.context);
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.unrollRecursionContexts(parentContext);
        }
        return localContext;
    }
    public sourceCommand(): SourceCommandContext {
        let localContext = new SourceCommandContext(this.context, this.state);
        this.enterRule(localContext, 4, EsqlBaseParser.RULE_sourceCommand);
        try {
            this.state = 127;
            this.errorHandler.sync(this);
            switch (this.tokenStream.LA(1)) {
            case EsqlBaseParser.EXPLAIN:
                this.enterOuterAlt(localContext, 1);
                {
                this.state = 122;
                this.explainCommand();
                }
                break;
            case EsqlBaseParser.FROM:
                this.enterOuterAlt(localContext, 2);
                {
                this.state = 123;
                this.fromCommand();
                }
                break;
            case EsqlBaseParser.ROW:
                this.enterOuterAlt(localContext, 3);
                {
                this.state = 124;
                this.rowCommand();
                }
                break;
            case EsqlBaseParser.SHOW:
                this.enterOuterAlt(localContext, 4);
                {
                this.state = 125;
                this.showCommand();
                }
                break;
            case EsqlBaseParser.META:
                this.enterOuterAlt(localContext, 5);
                {
                this.state = 126;
                this.metaCommand();
                }
                break;
            default:
                throw new antlr.NoViableAltException(this);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public processingCommand(): ProcessingCommandContext {
        let localContext = new ProcessingCommandContext(this.context, this.state);
        this.enterRule(localContext, 6, EsqlBaseParser.RULE_processingCommand);
        try {
            this.state = 142;
            this.errorHandler.sync(this);
            switch (this.tokenStream.LA(1)) {
            case EsqlBaseParser.EVAL:
                this.enterOuterAlt(localContext, 1);
                {
                this.state = 129;
                this.evalCommand();
                }
                break;
            case EsqlBaseParser.INLINESTATS:
                this.enterOuterAlt(localContext, 2);
                {
                this.state = 130;
                this.inlinestatsCommand();
                }
                break;
            case EsqlBaseParser.LIMIT:
                this.enterOuterAlt(localContext, 3);
                {
                this.state = 131;
                this.limitCommand();
                }
                break;
            case EsqlBaseParser.KEEP:
                this.enterOuterAlt(localContext, 4);
                {
                this.state = 132;
                this.keepCommand();
                }
                break;
            case EsqlBaseParser.SORT:
                this.enterOuterAlt(localContext, 5);
                {
                this.state = 133;
                this.sortCommand();
                }
                break;
            case EsqlBaseParser.STATS:
                this.enterOuterAlt(localContext, 6);
                {
                this.state = 134;
                this.statsCommand();
                }
                break;
            case EsqlBaseParser.WHERE:
                this.enterOuterAlt(localContext, 7);
                {
                this.state = 135;
                this.whereCommand();
                }
                break;
            case EsqlBaseParser.DROP:
                this.enterOuterAlt(localContext, 8);
                {
                this.state = 136;
                this.dropCommand();
                }
                break;
            case EsqlBaseParser.RENAME:
                this.enterOuterAlt(localContext, 9);
                {
                this.state = 137;
                this.renameCommand();
                }
                break;
            case EsqlBaseParser.DISSECT:
                this.enterOuterAlt(localContext, 10);
                {
                this.state = 138;
                this.dissectCommand();
                }
                break;
            case EsqlBaseParser.GROK:
                this.enterOuterAlt(localContext, 11);
                {
                this.state = 139;
                this.grokCommand();
                }
                break;
            case EsqlBaseParser.ENRICH:
                this.enterOuterAlt(localContext, 12);
                {
                this.state = 140;
                this.enrichCommand();
                }
                break;
            case EsqlBaseParser.MV_EXPAND:
                this.enterOuterAlt(localContext, 13);
                {
                this.state = 141;
                this.mvExpandCommand();
                }
                break;
            default:
                throw new antlr.NoViableAltException(this);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public whereCommand(): WhereCommandContext {
        let localContext = new WhereCommandContext(this.context, this.state);
        this.enterRule(localContext, 8, EsqlBaseParser.RULE_whereCommand);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 144;
            this.match(EsqlBaseParser.WHERE);
            this.state = 145;
            this.booleanExpression(0);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }

    public booleanExpression(): BooleanExpressionContext;
    public booleanExpression(_p: number): BooleanExpressionContext;
    public booleanExpression(_p?: number): BooleanExpressionContext {
        if (_p === undefined) {
            _p = 0;
        }

        let parentContext = this.context;
        let parentState = this.state;
        let localContext = new BooleanExpressionContext(this.context, parentState);
        let previousContext = localContext;
        let _startState = 10;
        this.enterRecursionRule(localContext, 10, EsqlBaseParser.RULE_booleanExpression, _p);
        let _la: number;
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 175;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 6, this.context) ) {
            case 1:
                {
                localContext = new LogicalNotContext(localContext);
                this.context = localContext;
                previousContext = localContext;

                this.state = 148;
                this.match(EsqlBaseParser.NOT);
                this.state = 149;
                this.booleanExpression(7);
                }
                break;
            case 2:
                {
                localContext = new BooleanDefaultContext(localContext);
                this.context = localContext;
                previousContext = localContext;
                this.state = 150;
                this.valueExpression();
                }
                break;
            case 3:
                {
                localContext = new RegexExpressionContext(localContext);
                this.context = localContext;
                previousContext = localContext;
                this.state = 151;
                this.regexBooleanExpression();
                }
                break;
            case 4:
                {
                localContext = new LogicalInContext(localContext);
                this.context = localContext;
                previousContext = localContext;
                this.state = 152;
                this.valueExpression();
                this.state = 154;
                this.errorHandler.sync(this);
                _la = this.tokenStream.LA(1);
                if (_la === 46) {
                    {
                    this.state = 153;
                    this.match(EsqlBaseParser.NOT);
                    }
                }

                this.state = 156;
                this.match(EsqlBaseParser.IN);
                this.state = 157;
                this.match(EsqlBaseParser.LP);
                this.state = 158;
                this.valueExpression();
                this.state = 163;
                this.errorHandler.sync(this);
                _la = this.tokenStream.LA(1);
                while (_la === 36) {
                    {
                    {
                    this.state = 159;
                    this.match(EsqlBaseParser.COMMA);
                    this.state = 160;
                    this.valueExpression();
                    }
                    }
                    this.state = 165;
                    this.errorHandler.sync(this);
                    _la = this.tokenStream.LA(1);
                }
                this.state = 166;
                this.match(EsqlBaseParser.RP);
                }
                break;
            case 5:
                {
                localContext = new IsNullContext(localContext);
                this.context = localContext;
                previousContext = localContext;
                this.state = 168;
                this.valueExpression();
                this.state = 169;
                this.match(EsqlBaseParser.IS);
                this.state = 171;
                this.errorHandler.sync(this);
                _la = this.tokenStream.LA(1);
                if (_la === 46) {
                    {
                    this.state = 170;
                    this.match(EsqlBaseParser.NOT);
                    }
                }

                this.state = 173;
                this.match(EsqlBaseParser.NULL);
                }
                break;
            }
            this.context!.stop = this.tokenStream.LT(-1);
            this.state = 185;
            this.errorHandler.sync(this);
            alternative = this.interpreter.adaptivePredict(this.tokenStream, 8, this.context);
            while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                if (alternative === 1) {
                    if (this.parseListeners != null) {
                        this.triggerExitRuleEvent();
                    }
                    previousContext = localContext;
                    {
                    this.state = 183;
                    this.errorHandler.sync(this);
                    switch (this.interpreter.adaptivePredict(this.tokenStream, 7, this.context) ) {
                    case 1:
                        {
                        localContext = new LogicalBinaryContext(new BooleanExpressionContext(parentContext, parentState));
                        (localContext as LogicalBinaryContext)._left = previousContext;
                        this.pushNewRecursionContext(localContext, _startState, EsqlBaseParser.RULE_booleanExpression);
                        this.state = 177;
                        if (!(this.precpred(this.context, 4))) {
                            throw this.createFailedPredicateException("this.precpred(this.context, 4)");
                        }
                        this.state = 178;
                        (localContext as LogicalBinaryContext)._operator = this.match(EsqlBaseParser.AND);
                        this.state = 179;
                        (localContext as LogicalBinaryContext)._right = this.booleanExpression(5);
                        }
                        break;
                    case 2:
                        {
                        localContext = new LogicalBinaryContext(new BooleanExpressionContext(parentContext, parentState));
                        (localContext as LogicalBinaryContext)._left = previousContext;
                        this.pushNewRecursionContext(localContext, _startState, EsqlBaseParser.RULE_booleanExpression);
                        this.state = 180;
                        if (!(this.precpred(this.context, 3))) {
                            throw this.createFailedPredicateException("this.precpred(this.context, 3)");
                        }
                        this.state = 181;
                        (localContext as LogicalBinaryContext)._operator = this.match(EsqlBaseParser.OR);
                        this.state = 182;
                        (localContext as LogicalBinaryContext)._right = this.booleanExpression(4);
                        }
                        break;
                    }
                    }
                }
                this.state = 187;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 8, this.context);
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.unrollRecursionContexts(parentContext);
        }
        return localContext;
    }
    public regexBooleanExpression(): RegexBooleanExpressionContext {
        let localContext = new RegexBooleanExpressionContext(this.context, this.state);
        this.enterRule(localContext, 12, EsqlBaseParser.RULE_regexBooleanExpression);
        let _la: number;
        try {
            this.state = 202;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 11, this.context) ) {
            case 1:
                this.enterOuterAlt(localContext, 1);
                {
                this.state = 188;
                this.valueExpression();
                this.state = 190;
                this.errorHandler.sync(this);
                _la = this.tokenStream.LA(1);
                if (_la === 46) {
                    {
                    this.state = 189;
                    this.match(EsqlBaseParser.NOT);
                    }
                }

                this.state = 192;
                localContext._kind = this.match(EsqlBaseParser.LIKE);
                this.state = 193;
                localContext._pattern = this.string_();
                }
                break;
            case 2:
                this.enterOuterAlt(localContext, 2);
                {
                this.state = 195;
                this.valueExpression();
                this.state = 197;
                this.errorHandler.sync(this);
                _la = this.tokenStream.LA(1);
                if (_la === 46) {
                    {
                    this.state = 196;
                    this.match(EsqlBaseParser.NOT);
                    }
                }

                this.state = 199;
                localContext._kind = this.match(EsqlBaseParser.RLIKE);
                this.state = 200;
                localContext._pattern = this.string_();
                }
                break;
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public valueExpression(): ValueExpressionContext {
        let localContext = new ValueExpressionContext(this.context, this.state);
        this.enterRule(localContext, 14, EsqlBaseParser.RULE_valueExpression);
        try {
            this.state = 209;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 12, this.context) ) {
            case 1:
                localContext = new ValueExpressionDefaultContext(localContext);
                this.enterOuterAlt(localContext, 1);
                {
                this.state = 204;
                this.operatorExpression(0);
                }
                break;
            case 2:
                localContext = new ComparisonContext(localContext);
                this.enterOuterAlt(localContext, 2);
                {
                this.state = 205;
                (localContext as ComparisonContext)._left = this.operatorExpression(0);
                this.state = 206;
                this.comparisonOperator();
                this.state = 207;
                (localContext as ComparisonContext)._right = this.operatorExpression(0);
                }
                break;
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }

    public operatorExpression(): OperatorExpressionContext;
    public operatorExpression(_p: number): OperatorExpressionContext;
    public operatorExpression(_p?: number): OperatorExpressionContext {
        if (_p === undefined) {
            _p = 0;
        }

        let parentContext = this.context;
        let parentState = this.state;
        let localContext = new OperatorExpressionContext(this.context, parentState);
        let previousContext = localContext;
        let _startState = 16;
        this.enterRecursionRule(localContext, 16, EsqlBaseParser.RULE_operatorExpression, _p);
        let _la: number;
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 215;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 13, this.context) ) {
            case 1:
                {
                localContext = new OperatorExpressionDefaultContext(localContext);
                this.context = localContext;
                previousContext = localContext;

                this.state = 212;
                this.primaryExpression(0);
                }
                break;
            case 2:
                {
                localContext = new ArithmeticUnaryContext(localContext);
                this.context = localContext;
                previousContext = localContext;
                this.state = 213;
                (localContext as ArithmeticUnaryContext)._operator = this.tokenStream.LT(1);
                _la = this.tokenStream.LA(1);
                if(!(_la === 61 || _la === 62)) {
                    (localContext as ArithmeticUnaryContext)._operator = this.errorHandler.recoverInline(this);
                }
                else {
                    this.errorHandler.reportMatch(this);
                    this.consume();
                }
                this.state = 214;
                this.operatorExpression(3);
                }
                break;
            }
            this.context!.stop = this.tokenStream.LT(-1);
            this.state = 225;
            this.errorHandler.sync(this);
            alternative = this.interpreter.adaptivePredict(this.tokenStream, 15, this.context);
            while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                if (alternative === 1) {
                    if (this.parseListeners != null) {
                        this.triggerExitRuleEvent();
                    }
                    previousContext = localContext;
                    {
                    this.state = 223;
                    this.errorHandler.sync(this);
                    switch (this.interpreter.adaptivePredict(this.tokenStream, 14, this.context) ) {
                    case 1:
                        {
                        localContext = new ArithmeticBinaryContext(new OperatorExpressionContext(parentContext, parentState));
                        (localContext as ArithmeticBinaryContext)._left = previousContext;
                        this.pushNewRecursionContext(localContext, _startState, EsqlBaseParser.RULE_operatorExpression);
                        this.state = 217;
                        if (!(this.precpred(this.context, 2))) {
                            throw this.createFailedPredicateException("this.precpred(this.context, 2)");
                        }
                        this.state = 218;
                        (localContext as ArithmeticBinaryContext)._operator = this.tokenStream.LT(1);
                        _la = this.tokenStream.LA(1);
                        if(!(((((_la - 63)) & ~0x1F) === 0 && ((1 << (_la - 63)) & 7) !== 0))) {
                            (localContext as ArithmeticBinaryContext)._operator = this.errorHandler.recoverInline(this);
                        }
                        else {
                            this.errorHandler.reportMatch(this);
                            this.consume();
                        }
                        this.state = 219;
                        (localContext as ArithmeticBinaryContext)._right = this.operatorExpression(3);
                        }
                        break;
                    case 2:
                        {
                        localContext = new ArithmeticBinaryContext(new OperatorExpressionContext(parentContext, parentState));
                        (localContext as ArithmeticBinaryContext)._left = previousContext;
                        this.pushNewRecursionContext(localContext, _startState, EsqlBaseParser.RULE_operatorExpression);
                        this.state = 220;
                        if (!(this.precpred(this.context, 1))) {
                            throw this.createFailedPredicateException("this.precpred(this.context, 1)");
                        }
                        this.state = 221;
                        (localContext as ArithmeticBinaryContext)._operator = this.tokenStream.LT(1);
                        _la = this.tokenStream.LA(1);
                        if(!(_la === 61 || _la === 62)) {
                            (localContext as ArithmeticBinaryContext)._operator = this.errorHandler.recoverInline(this);
                        }
                        else {
                            this.errorHandler.reportMatch(this);
                            this.consume();
                        }
                        this.state = 222;
                        (localContext as ArithmeticBinaryContext)._right = this.operatorExpression(2);
                        }
                        break;
                    }
                    }
                }
                this.state = 227;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 15, this.context);
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.unrollRecursionContexts(parentContext);
        }
        return localContext;
    }

    public primaryExpression(): PrimaryExpressionContext;
    public primaryExpression(_p: number): PrimaryExpressionContext;
    public primaryExpression(_p?: number): PrimaryExpressionContext {
        if (_p === undefined) {
            _p = 0;
        }

        let parentContext = this.context;
        let parentState = this.state;
        let localContext = new PrimaryExpressionContext(this.context, parentState);
        let previousContext = localContext;
        let _startState = 18;
        this.enterRecursionRule(localContext, 18, EsqlBaseParser.RULE_primaryExpression, _p);
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 236;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 16, this.context) ) {
            case 1:
                {
                localContext = new ConstantDefaultContext(localContext);
                this.context = localContext;
                previousContext = localContext;

                this.state = 229;
                this.constant();
                }
                break;
            case 2:
                {
                localContext = new DereferenceContext(localContext);
                this.context = localContext;
                previousContext = localContext;
                this.state = 230;
                this.qualifiedName();
                }
                break;
            case 3:
                {
                localContext = new FunctionContext(localContext);
                this.context = localContext;
                previousContext = localContext;
                this.state = 231;
                this.functionExpression();
                }
                break;
            case 4:
                {
                localContext = new ParenthesizedExpressionContext(localContext);
                this.context = localContext;
                previousContext = localContext;
                this.state = 232;
                this.match(EsqlBaseParser.LP);
                this.state = 233;
                this.booleanExpression(0);
                this.state = 234;
                this.match(EsqlBaseParser.RP);
                }
                break;
            }
            this.context!.stop = this.tokenStream.LT(-1);
            this.state = 243;
            this.errorHandler.sync(this);
            alternative = this.interpreter.adaptivePredict(this.tokenStream, 17, this.context);
            while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                if (alternative === 1) {
                    if (this.parseListeners != null) {
                        this.triggerExitRuleEvent();
                    }
                    previousContext = localContext;
                    {
                    {
                    localContext = new InlineCastContext(new PrimaryExpressionContext(parentContext, parentState));
                    this.pushNewRecursionContext(localContext, _startState, EsqlBaseParser.RULE_primaryExpression);
                    this.state = 238;
                    if (!(this.precpred(this.context, 1))) {
                        throw this.createFailedPredicateException("this.precpred(this.context, 1)");
                    }
                    this.state = 239;
                    this.match(EsqlBaseParser.CAST_OP);
                    this.state = 240;
                    this.dataType();
                    }
                    }
                }
                this.state = 245;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 17, this.context);
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.unrollRecursionContexts(parentContext);
        }
        return localContext;
    }
    public functionExpression(): FunctionExpressionContext {
        let localContext = new FunctionExpressionContext(this.context, this.state);
        this.enterRule(localContext, 20, EsqlBaseParser.RULE_functionExpression);
        let _la: number;
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 246;
            this.identifier();
            this.state = 247;
            this.match(EsqlBaseParser.LP);
            this.state = 257;
            this.errorHandler.sync(this);
            switch (this.tokenStream.LA(1)) {
            case EsqlBaseParser.ASTERISK:
                {
                this.state = 248;
                this.match(EsqlBaseParser.ASTERISK);
                }
                break;
            case EsqlBaseParser.QUOTED_STRING:
            case EsqlBaseParser.INTEGER_LITERAL:
            case EsqlBaseParser.DECIMAL_LITERAL:
            case EsqlBaseParser.FALSE:
            case EsqlBaseParser.LP:
            case EsqlBaseParser.NOT:
            case EsqlBaseParser.NULL:
            case EsqlBaseParser.PARAM:
            case EsqlBaseParser.TRUE:
            case EsqlBaseParser.PLUS:
            case EsqlBaseParser.MINUS:
            case EsqlBaseParser.OPENING_BRACKET:
            case EsqlBaseParser.UNQUOTED_IDENTIFIER:
            case EsqlBaseParser.QUOTED_IDENTIFIER:
                {
                {
                this.state = 249;
                this.booleanExpression(0);
                this.state = 254;
                this.errorHandler.sync(this);
                _la = this.tokenStream.LA(1);
                while (_la === 36) {
                    {
                    {
                    this.state = 250;
                    this.match(EsqlBaseParser.COMMA);
                    this.state = 251;
                    this.booleanExpression(0);
                    }
                    }
                    this.state = 256;
                    this.errorHandler.sync(this);
                    _la = this.tokenStream.LA(1);
                }
                }
                }
                break;
            case EsqlBaseParser.RP:
                break;
            default:
                break;
            }
            this.state = 259;
            this.match(EsqlBaseParser.RP);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public dataType(): DataTypeContext {
        let localContext = new DataTypeContext(this.context, this.state);
        this.enterRule(localContext, 22, EsqlBaseParser.RULE_dataType);
        try {
            localContext = new ToDataTypeContext(localContext);
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 261;
            this.identifier();
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public rowCommand(): RowCommandContext {
        let localContext = new RowCommandContext(this.context, this.state);
        this.enterRule(localContext, 24, EsqlBaseParser.RULE_rowCommand);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 263;
            this.match(EsqlBaseParser.ROW);
            this.state = 264;
            this.fields();
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public fields(): FieldsContext {
        let localContext = new FieldsContext(this.context, this.state);
        this.enterRule(localContext, 26, EsqlBaseParser.RULE_fields);
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 266;
            this.field();
            this.state = 271;
            this.errorHandler.sync(this);
            alternative = this.interpreter.adaptivePredict(this.tokenStream, 20, this.context);
            while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                if (alternative === 1) {
                    {
                    {
                    this.state = 267;
                    this.match(EsqlBaseParser.COMMA);
                    this.state = 268;
                    this.field();
                    }
                    }
                }
                this.state = 273;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 20, this.context);
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public field(): FieldContext {
        let localContext = new FieldContext(this.context, this.state);
        this.enterRule(localContext, 28, EsqlBaseParser.RULE_field);
        try {
            this.state = 279;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 21, this.context) ) {
            case 1:
                this.enterOuterAlt(localContext, 1);
                {
                this.state = 274;
                this.booleanExpression(0);
                }
                break;
            case 2:
                this.enterOuterAlt(localContext, 2);
                {
                this.state = 275;
                this.qualifiedName();
                this.state = 276;
                this.match(EsqlBaseParser.ASSIGN);
                this.state = 277;
                this.booleanExpression(0);
                }
                break;
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public fromCommand(): FromCommandContext {
        let localContext = new FromCommandContext(this.context, this.state);
        this.enterRule(localContext, 30, EsqlBaseParser.RULE_fromCommand);
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 281;
            this.match(EsqlBaseParser.FROM);
            this.state = 282;
            this.fromIdentifier();
            this.state = 287;
            this.errorHandler.sync(this);
            alternative = this.interpreter.adaptivePredict(this.tokenStream, 22, this.context);
            while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                if (alternative === 1) {
                    {
                    {
                    this.state = 283;
                    this.match(EsqlBaseParser.COMMA);
                    this.state = 284;
                    this.fromIdentifier();
                    }
                    }
                }
                this.state = 289;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 22, this.context);
            }
            this.state = 291;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 23, this.context) ) {
            case 1:
                {
                this.state = 290;
                this.metadata();
                }
                break;
            }
            this.state = 294;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 24, this.context) ) {
            case 1:
                {
                this.state = 293;
                this.fromOptions();
                }
                break;
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public fromIdentifier(): FromIdentifierContext {
        let localContext = new FromIdentifierContext(this.context, this.state);
        this.enterRule(localContext, 32, EsqlBaseParser.RULE_fromIdentifier);
        let _la: number;
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 296;
            _la = this.tokenStream.LA(1);
            if(!(_la === 69 || _la === 75)) {
            this.errorHandler.recoverInline(this);
            }
            else {
                this.errorHandler.reportMatch(this);
                this.consume();
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public fromOptions(): FromOptionsContext {
        let localContext = new FromOptionsContext(this.context, this.state);
        this.enterRule(localContext, 34, EsqlBaseParser.RULE_fromOptions);
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 298;
            this.match(EsqlBaseParser.OPTIONS);
            this.state = 299;
            this.configOption();
            this.state = 304;
            this.errorHandler.sync(this);
            alternative = this.interpreter.adaptivePredict(this.tokenStream, 25, this.context);
            while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                if (alternative === 1) {
                    {
                    {
                    this.state = 300;
                    this.match(EsqlBaseParser.COMMA);
                    this.state = 301;
                    this.configOption();
                    }
                    }
                }
                this.state = 306;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 25, this.context);
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public configOption(): ConfigOptionContext {
        let localContext = new ConfigOptionContext(this.context, this.state);
        this.enterRule(localContext, 36, EsqlBaseParser.RULE_configOption);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 307;
            this.string_();
            this.state = 308;
            this.match(EsqlBaseParser.ASSIGN);
            this.state = 309;
            this.string_();
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public metadata(): MetadataContext {
        let localContext = new MetadataContext(this.context, this.state);
        this.enterRule(localContext, 38, EsqlBaseParser.RULE_metadata);
        try {
            this.state = 313;
            this.errorHandler.sync(this);
            switch (this.tokenStream.LA(1)) {
            case EsqlBaseParser.METADATA:
                this.enterOuterAlt(localContext, 1);
                {
                this.state = 311;
                this.metadataOption();
                }
                break;
            case EsqlBaseParser.OPENING_BRACKET:
                this.enterOuterAlt(localContext, 2);
                {
                this.state = 312;
                this.deprecated_metadata();
                }
                break;
            default:
                throw new antlr.NoViableAltException(this);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public metadataOption(): MetadataOptionContext {
        let localContext = new MetadataOptionContext(this.context, this.state);
        this.enterRule(localContext, 40, EsqlBaseParser.RULE_metadataOption);
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 315;
            this.match(EsqlBaseParser.METADATA);
            this.state = 316;
            this.fromIdentifier();
            this.state = 321;
            this.errorHandler.sync(this);
            alternative = this.interpreter.adaptivePredict(this.tokenStream, 27, this.context);
            while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                if (alternative === 1) {
                    {
                    {
                    this.state = 317;
                    this.match(EsqlBaseParser.COMMA);
                    this.state = 318;
                    this.fromIdentifier();
                    }
                    }
                }
                this.state = 323;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 27, this.context);
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public deprecated_metadata(): Deprecated_metadataContext {
        let localContext = new Deprecated_metadataContext(this.context, this.state);
        this.enterRule(localContext, 42, EsqlBaseParser.RULE_deprecated_metadata);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 324;
            this.match(EsqlBaseParser.OPENING_BRACKET);
            this.state = 325;
            this.metadataOption();
            this.state = 326;
            this.match(EsqlBaseParser.CLOSING_BRACKET);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public evalCommand(): EvalCommandContext {
        let localContext = new EvalCommandContext(this.context, this.state);
        this.enterRule(localContext, 44, EsqlBaseParser.RULE_evalCommand);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 328;
            this.match(EsqlBaseParser.EVAL);
            this.state = 329;
            this.fields();
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public statsCommand(): StatsCommandContext {
        let localContext = new StatsCommandContext(this.context, this.state);
        this.enterRule(localContext, 46, EsqlBaseParser.RULE_statsCommand);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 331;
            this.match(EsqlBaseParser.STATS);
            this.state = 333;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 28, this.context) ) {
            case 1:
                {
                this.state = 332;
                localContext._stats = this.fields();
                }
                break;
            }
            this.state = 337;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 29, this.context) ) {
            case 1:
                {
                this.state = 335;
                this.match(EsqlBaseParser.BY);
                this.state = 336;
                localContext._grouping = this.fields();
                }
                break;
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public inlinestatsCommand(): InlinestatsCommandContext {
        let localContext = new InlinestatsCommandContext(this.context, this.state);
        this.enterRule(localContext, 48, EsqlBaseParser.RULE_inlinestatsCommand);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 339;
            this.match(EsqlBaseParser.INLINESTATS);
            this.state = 340;
            localContext._stats = this.fields();
            this.state = 343;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 30, this.context) ) {
            case 1:
                {
                this.state = 341;
                this.match(EsqlBaseParser.BY);
                this.state = 342;
                localContext._grouping = this.fields();
                }
                break;
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public qualifiedName(): QualifiedNameContext {
        let localContext = new QualifiedNameContext(this.context, this.state);
        this.enterRule(localContext, 50, EsqlBaseParser.RULE_qualifiedName);
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 345;
            this.identifier();
            this.state = 350;
            this.errorHandler.sync(this);
            alternative = this.interpreter.adaptivePredict(this.tokenStream, 31, this.context);
            while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                if (alternative === 1) {
                    {
                    {
                    this.state = 346;
                    this.match(EsqlBaseParser.DOT);
                    this.state = 347;
                    this.identifier();
                    }
                    }
                }
                this.state = 352;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 31, this.context);
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public qualifiedNamePattern(): QualifiedNamePatternContext {
        let localContext = new QualifiedNamePatternContext(this.context, this.state);
        this.enterRule(localContext, 52, EsqlBaseParser.RULE_qualifiedNamePattern);
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 353;
            this.identifierPattern();
            this.state = 358;
            this.errorHandler.sync(this);
            alternative = this.interpreter.adaptivePredict(this.tokenStream, 32, this.context);
            while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                if (alternative === 1) {
                    {
                    {
                    this.state = 354;
                    this.match(EsqlBaseParser.DOT);
                    this.state = 355;
                    this.identifierPattern();
                    }
                    }
                }
                this.state = 360;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 32, this.context);
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public identifier(): IdentifierContext {
        let localContext = new IdentifierContext(this.context, this.state);
        this.enterRule(localContext, 54, EsqlBaseParser.RULE_identifier);
        let _la: number;
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 361;
            _la = this.tokenStream.LA(1);
            if(!(_la === 68 || _la === 69)) {
            this.errorHandler.recoverInline(this);
            }
            else {
                this.errorHandler.reportMatch(this);
                this.consume();
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public identifierPattern(): IdentifierPatternContext {
        let localContext = new IdentifierPatternContext(this.context, this.state);
        this.enterRule(localContext, 56, EsqlBaseParser.RULE_identifierPattern);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 363;
            this.match(EsqlBaseParser.ID_PATTERN);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public constant(): ConstantContext {
        let localContext = new ConstantContext(this.context, this.state);
        this.enterRule(localContext, 58, EsqlBaseParser.RULE_constant);
        let _la: number;
        try {
            this.state = 407;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 36, this.context) ) {
            case 1:
                localContext = new NullLiteralContext(localContext);
                this.enterOuterAlt(localContext, 1);
                {
                this.state = 365;
                this.match(EsqlBaseParser.NULL);
                }
                break;
            case 2:
                localContext = new QualifiedIntegerLiteralContext(localContext);
                this.enterOuterAlt(localContext, 2);
                {
                this.state = 366;
                this.integerValue();
                this.state = 367;
                this.match(EsqlBaseParser.UNQUOTED_IDENTIFIER);
                }
                break;
            case 3:
                localContext = new DecimalLiteralContext(localContext);
                this.enterOuterAlt(localContext, 3);
                {
                this.state = 369;
                this.decimalValue();
                }
                break;
            case 4:
                localContext = new IntegerLiteralContext(localContext);
                this.enterOuterAlt(localContext, 4);
                {
                this.state = 370;
                this.integerValue();
                }
                break;
            case 5:
                localContext = new BooleanLiteralContext(localContext);
                this.enterOuterAlt(localContext, 5);
                {
                this.state = 371;
                this.booleanValue();
                }
                break;
            case 6:
                localContext = new InputParamContext(localContext);
                this.enterOuterAlt(localContext, 6);
                {
                this.state = 372;
                this.match(EsqlBaseParser.PARAM);
                }
                break;
            case 7:
                localContext = new StringLiteralContext(localContext);
                this.enterOuterAlt(localContext, 7);
                {
                this.state = 373;
                this.string_();
                }
                break;
            case 8:
                localContext = new NumericArrayLiteralContext(localContext);
                this.enterOuterAlt(localContext, 8);
                {
                this.state = 374;
                this.match(EsqlBaseParser.OPENING_BRACKET);
                this.state = 375;
                this.numericValue();
                this.state = 380;
                this.errorHandler.sync(this);
                _la = this.tokenStream.LA(1);
                while (_la === 36) {
                    {
                    {
                    this.state = 376;
                    this.match(EsqlBaseParser.COMMA);
                    this.state = 377;
                    this.numericValue();
                    }
                    }
                    this.state = 382;
                    this.errorHandler.sync(this);
                    _la = this.tokenStream.LA(1);
                }
                this.state = 383;
                this.match(EsqlBaseParser.CLOSING_BRACKET);
                }
                break;
            case 9:
                localContext = new BooleanArrayLiteralContext(localContext);
                this.enterOuterAlt(localContext, 9);
                {
                this.state = 385;
                this.match(EsqlBaseParser.OPENING_BRACKET);
                this.state = 386;
                this.booleanValue();
                this.state = 391;
                this.errorHandler.sync(this);
                _la = this.tokenStream.LA(1);
                while (_la === 36) {
                    {
                    {
                    this.state = 387;
                    this.match(EsqlBaseParser.COMMA);
                    this.state = 388;
                    this.booleanValue();
                    }
                    }
                    this.state = 393;
                    this.errorHandler.sync(this);
                    _la = this.tokenStream.LA(1);
                }
                this.state = 394;
                this.match(EsqlBaseParser.CLOSING_BRACKET);
                }
                break;
            case 10:
                localContext = new StringArrayLiteralContext(localContext);
                this.enterOuterAlt(localContext, 10);
                {
                this.state = 396;
                this.match(EsqlBaseParser.OPENING_BRACKET);
                this.state = 397;
                this.string_();
                this.state = 402;
                this.errorHandler.sync(this);
                _la = this.tokenStream.LA(1);
                while (_la === 36) {
                    {
                    {
                    this.state = 398;
                    this.match(EsqlBaseParser.COMMA);
                    this.state = 399;
                    this.string_();
                    }
                    }
                    this.state = 404;
                    this.errorHandler.sync(this);
                    _la = this.tokenStream.LA(1);
                }
                this.state = 405;
                this.match(EsqlBaseParser.CLOSING_BRACKET);
                }
                break;
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public limitCommand(): LimitCommandContext {
        let localContext = new LimitCommandContext(this.context, this.state);
        this.enterRule(localContext, 60, EsqlBaseParser.RULE_limitCommand);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 409;
            this.match(EsqlBaseParser.LIMIT);
            this.state = 410;
            this.match(EsqlBaseParser.INTEGER_LITERAL);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public sortCommand(): SortCommandContext {
        let localContext = new SortCommandContext(this.context, this.state);
        this.enterRule(localContext, 62, EsqlBaseParser.RULE_sortCommand);
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 412;
            this.match(EsqlBaseParser.SORT);
            this.state = 413;
            this.orderExpression();
            this.state = 418;
            this.errorHandler.sync(this);
            alternative = this.interpreter.adaptivePredict(this.tokenStream, 37, this.context);
            while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                if (alternative === 1) {
                    {
                    {
                    this.state = 414;
                    this.match(EsqlBaseParser.COMMA);
                    this.state = 415;
                    this.orderExpression();
                    }
                    }
                }
                this.state = 420;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 37, this.context);
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public orderExpression(): OrderExpressionContext {
        let localContext = new OrderExpressionContext(this.context, this.state);
        this.enterRule(localContext, 64, EsqlBaseParser.RULE_orderExpression);
        let _la: number;
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 421;
            this.booleanExpression(0);
            this.state = 423;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 38, this.context) ) {
            case 1:
                {
                this.state = 422;
                localContext._ordering = this.tokenStream.LT(1);
                _la = this.tokenStream.LA(1);
                if(!(_la === 33 || _la === 37)) {
                    localContext._ordering = this.errorHandler.recoverInline(this);
                }
                else {
                    this.errorHandler.reportMatch(this);
                    this.consume();
                }
                }
                break;
            }
            this.state = 427;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 39, this.context) ) {
            case 1:
                {
                this.state = 425;
                this.match(EsqlBaseParser.NULLS);
                this.state = 426;
                localContext._nullOrdering = this.tokenStream.LT(1);
                _la = this.tokenStream.LA(1);
                if(!(_la === 40 || _la === 41)) {
                    localContext._nullOrdering = this.errorHandler.recoverInline(this);
                }
                else {
                    this.errorHandler.reportMatch(this);
                    this.consume();
                }
                }
                break;
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public keepCommand(): KeepCommandContext {
        let localContext = new KeepCommandContext(this.context, this.state);
        this.enterRule(localContext, 66, EsqlBaseParser.RULE_keepCommand);
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 429;
            this.match(EsqlBaseParser.KEEP);
            this.state = 430;
            this.qualifiedNamePattern();
            this.state = 435;
            this.errorHandler.sync(this);
            alternative = this.interpreter.adaptivePredict(this.tokenStream, 40, this.context);
            while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                if (alternative === 1) {
                    {
                    {
                    this.state = 431;
                    this.match(EsqlBaseParser.COMMA);
                    this.state = 432;
                    this.qualifiedNamePattern();
                    }
                    }
                }
                this.state = 437;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 40, this.context);
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public dropCommand(): DropCommandContext {
        let localContext = new DropCommandContext(this.context, this.state);
        this.enterRule(localContext, 68, EsqlBaseParser.RULE_dropCommand);
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 438;
            this.match(EsqlBaseParser.DROP);
            this.state = 439;
            this.qualifiedNamePattern();
            this.state = 444;
            this.errorHandler.sync(this);
            alternative = this.interpreter.adaptivePredict(this.tokenStream, 41, this.context);
            while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                if (alternative === 1) {
                    {
                    {
                    this.state = 440;
                    this.match(EsqlBaseParser.COMMA);
                    this.state = 441;
                    this.qualifiedNamePattern();
                    }
                    }
                }
                this.state = 446;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 41, this.context);
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public renameCommand(): RenameCommandContext {
        let localContext = new RenameCommandContext(this.context, this.state);
        this.enterRule(localContext, 70, EsqlBaseParser.RULE_renameCommand);
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 447;
            this.match(EsqlBaseParser.RENAME);
            this.state = 448;
            this.renameClause();
            this.state = 453;
            this.errorHandler.sync(this);
            alternative = this.interpreter.adaptivePredict(this.tokenStream, 42, this.context);
            while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                if (alternative === 1) {
                    {
                    {
                    this.state = 449;
                    this.match(EsqlBaseParser.COMMA);
                    this.state = 450;
                    this.renameClause();
                    }
                    }
                }
                this.state = 455;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 42, this.context);
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public renameClause(): RenameClauseContext {
        let localContext = new RenameClauseContext(this.context, this.state);
        this.enterRule(localContext, 72, EsqlBaseParser.RULE_renameClause);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 456;
            localContext._oldName = this.qualifiedNamePattern();
            this.state = 457;
            this.match(EsqlBaseParser.AS);
            this.state = 458;
            localContext._newName = this.qualifiedNamePattern();
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public dissectCommand(): DissectCommandContext {
        let localContext = new DissectCommandContext(this.context, this.state);
        this.enterRule(localContext, 74, EsqlBaseParser.RULE_dissectCommand);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 460;
            this.match(EsqlBaseParser.DISSECT);
            this.state = 461;
            this.primaryExpression(0);
            this.state = 462;
            this.string_();
            this.state = 464;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 43, this.context) ) {
            case 1:
                {
                this.state = 463;
                this.commandOptions();
                }
                break;
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public grokCommand(): GrokCommandContext {
        let localContext = new GrokCommandContext(this.context, this.state);
        this.enterRule(localContext, 76, EsqlBaseParser.RULE_grokCommand);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 466;
            this.match(EsqlBaseParser.GROK);
            this.state = 467;
            this.primaryExpression(0);
            this.state = 468;
            this.string_();
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public mvExpandCommand(): MvExpandCommandContext {
        let localContext = new MvExpandCommandContext(this.context, this.state);
        this.enterRule(localContext, 78, EsqlBaseParser.RULE_mvExpandCommand);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 470;
            this.match(EsqlBaseParser.MV_EXPAND);
            this.state = 471;
            this.qualifiedName();
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public commandOptions(): CommandOptionsContext {
        let localContext = new CommandOptionsContext(this.context, this.state);
        this.enterRule(localContext, 80, EsqlBaseParser.RULE_commandOptions);
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 473;
            this.commandOption();
            this.state = 478;
            this.errorHandler.sync(this);
            alternative = this.interpreter.adaptivePredict(this.tokenStream, 44, this.context);
            while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                if (alternative === 1) {
                    {
                    {
                    this.state = 474;
                    this.match(EsqlBaseParser.COMMA);
                    this.state = 475;
                    this.commandOption();
                    }
                    }
                }
                this.state = 480;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 44, this.context);
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public commandOption(): CommandOptionContext {
        let localContext = new CommandOptionContext(this.context, this.state);
        this.enterRule(localContext, 82, EsqlBaseParser.RULE_commandOption);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 481;
            this.identifier();
            this.state = 482;
            this.match(EsqlBaseParser.ASSIGN);
            this.state = 483;
            this.constant();
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public booleanValue(): BooleanValueContext {
        let localContext = new BooleanValueContext(this.context, this.state);
        this.enterRule(localContext, 84, EsqlBaseParser.RULE_booleanValue);
        let _la: number;
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 485;
            _la = this.tokenStream.LA(1);
            if(!(_la === 39 || _la === 53)) {
            this.errorHandler.recoverInline(this);
            }
            else {
                this.errorHandler.reportMatch(this);
                this.consume();
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public numericValue(): NumericValueContext {
        let localContext = new NumericValueContext(this.context, this.state);
        this.enterRule(localContext, 86, EsqlBaseParser.RULE_numericValue);
        try {
            this.state = 489;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 45, this.context) ) {
            case 1:
                this.enterOuterAlt(localContext, 1);
                {
                this.state = 487;
                this.decimalValue();
                }
                break;
            case 2:
                this.enterOuterAlt(localContext, 2);
                {
                this.state = 488;
                this.integerValue();
                }
                break;
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public decimalValue(): DecimalValueContext {
        let localContext = new DecimalValueContext(this.context, this.state);
        this.enterRule(localContext, 88, EsqlBaseParser.RULE_decimalValue);
        let _la: number;
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 492;
            this.errorHandler.sync(this);
            _la = this.tokenStream.LA(1);
            if (_la === 61 || _la === 62) {
                {
                this.state = 491;
                _la = this.tokenStream.LA(1);
                if(!(_la === 61 || _la === 62)) {
                this.errorHandler.recoverInline(this);
                }
                else {
                    this.errorHandler.reportMatch(this);
                    this.consume();
                }
                }
            }

            this.state = 494;
            this.match(EsqlBaseParser.DECIMAL_LITERAL);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public integerValue(): IntegerValueContext {
        let localContext = new IntegerValueContext(this.context, this.state);
        this.enterRule(localContext, 90, EsqlBaseParser.RULE_integerValue);
        let _la: number;
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 497;
            this.errorHandler.sync(this);
            _la = this.tokenStream.LA(1);
            if (_la === 61 || _la === 62) {
                {
                this.state = 496;
                _la = this.tokenStream.LA(1);
                if(!(_la === 61 || _la === 62)) {
                this.errorHandler.recoverInline(this);
                }
                else {
                    this.errorHandler.reportMatch(this);
                    this.consume();
                }
                }
            }

            this.state = 499;
            this.match(EsqlBaseParser.INTEGER_LITERAL);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public string_(): StringContext {
        let localContext = new StringContext(this.context, this.state);
        this.enterRule(localContext, 92, EsqlBaseParser.RULE_string);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 501;
            this.match(EsqlBaseParser.QUOTED_STRING);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public comparisonOperator(): ComparisonOperatorContext {
        let localContext = new ComparisonOperatorContext(this.context, this.state);
        this.enterRule(localContext, 94, EsqlBaseParser.RULE_comparisonOperator);
        let _la: number;
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 503;
            _la = this.tokenStream.LA(1);
            if(!(((((_la - 54)) & ~0x1F) === 0 && ((1 << (_la - 54)) & 125) !== 0))) {
            this.errorHandler.recoverInline(this);
            }
            else {
                this.errorHandler.reportMatch(this);
                this.consume();
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public explainCommand(): ExplainCommandContext {
        let localContext = new ExplainCommandContext(this.context, this.state);
        this.enterRule(localContext, 96, EsqlBaseParser.RULE_explainCommand);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 505;
            this.match(EsqlBaseParser.EXPLAIN);
            this.state = 506;
            this.subqueryExpression();
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public subqueryExpression(): SubqueryExpressionContext {
        let localContext = new SubqueryExpressionContext(this.context, this.state);
        this.enterRule(localContext, 98, EsqlBaseParser.RULE_subqueryExpression);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 508;
            this.match(EsqlBaseParser.OPENING_BRACKET);
            this.state = 509;
            this.query(0);
            this.state = 510;
            this.match(EsqlBaseParser.CLOSING_BRACKET);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public showCommand(): ShowCommandContext {
        let localContext = new ShowCommandContext(this.context, this.state);
        this.enterRule(localContext, 100, EsqlBaseParser.RULE_showCommand);
        try {
            localContext = new ShowInfoContext(localContext);
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 512;
            this.match(EsqlBaseParser.SHOW);
            this.state = 513;
            this.match(EsqlBaseParser.INFO);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public metaCommand(): MetaCommandContext {
        let localContext = new MetaCommandContext(this.context, this.state);
        this.enterRule(localContext, 102, EsqlBaseParser.RULE_metaCommand);
        try {
            localContext = new MetaFunctionsContext(localContext);
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 515;
            this.match(EsqlBaseParser.META);
            this.state = 516;
            this.match(EsqlBaseParser.FUNCTIONS);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public enrichCommand(): EnrichCommandContext {
        let localContext = new EnrichCommandContext(this.context, this.state);
        this.enterRule(localContext, 104, EsqlBaseParser.RULE_enrichCommand);
        try {
            let alternative: number;
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 518;
            this.match(EsqlBaseParser.ENRICH);
            this.state = 519;
            localContext._policyName = this.match(EsqlBaseParser.ENRICH_POLICY_NAME);
            this.state = 522;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 48, this.context) ) {
            case 1:
                {
                this.state = 520;
                this.match(EsqlBaseParser.ON);
                this.state = 521;
                localContext._matchField = this.qualifiedNamePattern();
                }
                break;
            }
            this.state = 533;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 50, this.context) ) {
            case 1:
                {
                this.state = 524;
                this.match(EsqlBaseParser.WITH);
                this.state = 525;
                this.enrichWithClause();
                this.state = 530;
                this.errorHandler.sync(this);
                alternative = this.interpreter.adaptivePredict(this.tokenStream, 49, this.context);
                while (alternative !== 2 && alternative !== antlr.ATN.INVALID_ALT_NUMBER) {
                    if (alternative === 1) {
                        {
                        {
                        this.state = 526;
                        this.match(EsqlBaseParser.COMMA);
                        this.state = 527;
                        this.enrichWithClause();
                        }
                        }
                    }
                    this.state = 532;
                    this.errorHandler.sync(this);
                    alternative = this.interpreter.adaptivePredict(this.tokenStream, 49, this.context);
                }
                }
                break;
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public enrichWithClause(): EnrichWithClauseContext {
        let localContext = new EnrichWithClauseContext(this.context, this.state);
        this.enterRule(localContext, 106, EsqlBaseParser.RULE_enrichWithClause);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 538;
            this.errorHandler.sync(this);
            switch (this.interpreter.adaptivePredict(this.tokenStream, 51, this.context) ) {
            case 1:
                {
                this.state = 535;
                localContext._newName = this.qualifiedNamePattern();
                this.state = 536;
                this.match(EsqlBaseParser.ASSIGN);
                }
                break;
            }
            this.state = 540;
            localContext._enrichField = this.qualifiedNamePattern();
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }

    public override sempred(localContext: antlr.ParserRuleContext | null, ruleIndex: number, predIndex: number): boolean {
        switch (ruleIndex) {
        case 1:
            return this.query_sempred(localContext as QueryContext, predIndex);
        case 5:
            return this.booleanExpression_sempred(localContext as BooleanExpressionContext, predIndex);
        case 8:
            return this.operatorExpression_sempred(localContext as OperatorExpressionContext, predIndex);
        case 9:
            return this.primaryExpression_sempred(localContext as PrimaryExpressionContext, predIndex);
        }
        return true;
    }
    private query_sempred(localContext: QueryContext | null, predIndex: number): boolean {
        switch (predIndex) {
        case 0:
            return this.precpred(this.context, 1);
        }
        return true;
    }
    private booleanExpression_sempred(localContext: BooleanExpressionContext | null, predIndex: number): boolean {
        switch (predIndex) {
        case 1:
            return this.precpred(this.context, 4);
        case 2:
            return this.precpred(this.context, 3);
        }
        return true;
    }
    private operatorExpression_sempred(localContext: OperatorExpressionContext | null, predIndex: number): boolean {
        switch (predIndex) {
        case 3:
            return this.precpred(this.context, 2);
        case 4:
            return this.precpred(this.context, 1);
        }
        return true;
    }
    private primaryExpression_sempred(localContext: PrimaryExpressionContext | null, predIndex: number): boolean {
        switch (predIndex) {
        case 5:
            return this.precpred(this.context, 1);
        }
        return true;
    }

    public static readonly _serializedATN: number[] = [
        4,1,114,543,2,0,7,0,2,1,7,1,2,2,7,2,2,3,7,3,2,4,7,4,2,5,7,5,2,6,
        7,6,2,7,7,7,2,8,7,8,2,9,7,9,2,10,7,10,2,11,7,11,2,12,7,12,2,13,7,
        13,2,14,7,14,2,15,7,15,2,16,7,16,2,17,7,17,2,18,7,18,2,19,7,19,2,
        20,7,20,2,21,7,21,2,22,7,22,2,23,7,23,2,24,7,24,2,25,7,25,2,26,7,
        26,2,27,7,27,2,28,7,28,2,29,7,29,2,30,7,30,2,31,7,31,2,32,7,32,2,
        33,7,33,2,34,7,34,2,35,7,35,2,36,7,36,2,37,7,37,2,38,7,38,2,39,7,
        39,2,40,7,40,2,41,7,41,2,42,7,42,2,43,7,43,2,44,7,44,2,45,7,45,2,
        46,7,46,2,47,7,47,2,48,7,48,2,49,7,49,2,50,7,50,2,51,7,51,2,52,7,
        52,2,53,7,53,1,0,1,0,1,0,1,1,1,1,1,1,1,1,1,1,1,1,5,1,118,8,1,10,
        1,12,1,121,9,1,1,2,1,2,1,2,1,2,1,2,3,2,128,8,2,1,3,1,3,1,3,1,3,1,
        3,1,3,1,3,1,3,1,3,1,3,1,3,1,3,1,3,3,3,143,8,3,1,4,1,4,1,4,1,5,1,
        5,1,5,1,5,1,5,1,5,1,5,3,5,155,8,5,1,5,1,5,1,5,1,5,1,5,5,5,162,8,
        5,10,5,12,5,165,9,5,1,5,1,5,1,5,1,5,1,5,3,5,172,8,5,1,5,1,5,3,5,
        176,8,5,1,5,1,5,1,5,1,5,1,5,1,5,5,5,184,8,5,10,5,12,5,187,9,5,1,
        6,1,6,3,6,191,8,6,1,6,1,6,1,6,1,6,1,6,3,6,198,8,6,1,6,1,6,1,6,3,
        6,203,8,6,1,7,1,7,1,7,1,7,1,7,3,7,210,8,7,1,8,1,8,1,8,1,8,3,8,216,
        8,8,1,8,1,8,1,8,1,8,1,8,1,8,5,8,224,8,8,10,8,12,8,227,9,8,1,9,1,
        9,1,9,1,9,1,9,1,9,1,9,1,9,3,9,237,8,9,1,9,1,9,1,9,5,9,242,8,9,10,
        9,12,9,245,9,9,1,10,1,10,1,10,1,10,1,10,1,10,5,10,253,8,10,10,10,
        12,10,256,9,10,3,10,258,8,10,1,10,1,10,1,11,1,11,1,12,1,12,1,12,
        1,13,1,13,1,13,5,13,270,8,13,10,13,12,13,273,9,13,1,14,1,14,1,14,
        1,14,1,14,3,14,280,8,14,1,15,1,15,1,15,1,15,5,15,286,8,15,10,15,
        12,15,289,9,15,1,15,3,15,292,8,15,1,15,3,15,295,8,15,1,16,1,16,1,
        17,1,17,1,17,1,17,5,17,303,8,17,10,17,12,17,306,9,17,1,18,1,18,1,
        18,1,18,1,19,1,19,3,19,314,8,19,1,20,1,20,1,20,1,20,5,20,320,8,20,
        10,20,12,20,323,9,20,1,21,1,21,1,21,1,21,1,22,1,22,1,22,1,23,1,23,
        3,23,334,8,23,1,23,1,23,3,23,338,8,23,1,24,1,24,1,24,1,24,3,24,344,
        8,24,1,25,1,25,1,25,5,25,349,8,25,10,25,12,25,352,9,25,1,26,1,26,
        1,26,5,26,357,8,26,10,26,12,26,360,9,26,1,27,1,27,1,28,1,28,1,29,
        1,29,1,29,1,29,1,29,1,29,1,29,1,29,1,29,1,29,1,29,1,29,1,29,5,29,
        379,8,29,10,29,12,29,382,9,29,1,29,1,29,1,29,1,29,1,29,1,29,5,29,
        390,8,29,10,29,12,29,393,9,29,1,29,1,29,1,29,1,29,1,29,1,29,5,29,
        401,8,29,10,29,12,29,404,9,29,1,29,1,29,3,29,408,8,29,1,30,1,30,
        1,30,1,31,1,31,1,31,1,31,5,31,417,8,31,10,31,12,31,420,9,31,1,32,
        1,32,3,32,424,8,32,1,32,1,32,3,32,428,8,32,1,33,1,33,1,33,1,33,5,
        33,434,8,33,10,33,12,33,437,9,33,1,34,1,34,1,34,1,34,5,34,443,8,
        34,10,34,12,34,446,9,34,1,35,1,35,1,35,1,35,5,35,452,8,35,10,35,
        12,35,455,9,35,1,36,1,36,1,36,1,36,1,37,1,37,1,37,1,37,3,37,465,
        8,37,1,38,1,38,1,38,1,38,1,39,1,39,1,39,1,40,1,40,1,40,5,40,477,
        8,40,10,40,12,40,480,9,40,1,41,1,41,1,41,1,41,1,42,1,42,1,43,1,43,
        3,43,490,8,43,1,44,3,44,493,8,44,1,44,1,44,1,45,3,45,498,8,45,1,
        45,1,45,1,46,1,46,1,47,1,47,1,48,1,48,1,48,1,49,1,49,1,49,1,49,1,
        50,1,50,1,50,1,51,1,51,1,51,1,52,1,52,1,52,1,52,3,52,523,8,52,1,
        52,1,52,1,52,1,52,5,52,529,8,52,10,52,12,52,532,9,52,3,52,534,8,
        52,1,53,1,53,1,53,3,53,539,8,53,1,53,1,53,1,53,0,4,2,10,16,18,54,
        0,2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,32,34,36,38,40,42,44,
        46,48,50,52,54,56,58,60,62,64,66,68,70,72,74,76,78,80,82,84,86,88,
        90,92,94,96,98,100,102,104,106,0,8,1,0,61,62,1,0,63,65,2,0,69,69,
        75,75,1,0,68,69,2,0,33,33,37,37,1,0,40,41,2,0,39,39,53,53,2,0,54,
        54,56,60,568,0,108,1,0,0,0,2,111,1,0,0,0,4,127,1,0,0,0,6,142,1,0,
        0,0,8,144,1,0,0,0,10,175,1,0,0,0,12,202,1,0,0,0,14,209,1,0,0,0,16,
        215,1,0,0,0,18,236,1,0,0,0,20,246,1,0,0,0,22,261,1,0,0,0,24,263,
        1,0,0,0,26,266,1,0,0,0,28,279,1,0,0,0,30,281,1,0,0,0,32,296,1,0,
        0,0,34,298,1,0,0,0,36,307,1,0,0,0,38,313,1,0,0,0,40,315,1,0,0,0,
        42,324,1,0,0,0,44,328,1,0,0,0,46,331,1,0,0,0,48,339,1,0,0,0,50,345,
        1,0,0,0,52,353,1,0,0,0,54,361,1,0,0,0,56,363,1,0,0,0,58,407,1,0,
        0,0,60,409,1,0,0,0,62,412,1,0,0,0,64,421,1,0,0,0,66,429,1,0,0,0,
        68,438,1,0,0,0,70,447,1,0,0,0,72,456,1,0,0,0,74,460,1,0,0,0,76,466,
        1,0,0,0,78,470,1,0,0,0,80,473,1,0,0,0,82,481,1,0,0,0,84,485,1,0,
        0,0,86,489,1,0,0,0,88,492,1,0,0,0,90,497,1,0,0,0,92,501,1,0,0,0,
        94,503,1,0,0,0,96,505,1,0,0,0,98,508,1,0,0,0,100,512,1,0,0,0,102,
        515,1,0,0,0,104,518,1,0,0,0,106,538,1,0,0,0,108,109,3,2,1,0,109,
        110,5,0,0,1,110,1,1,0,0,0,111,112,6,1,-1,0,112,113,3,4,2,0,113,119,
        1,0,0,0,114,115,10,1,0,0,115,116,5,27,0,0,116,118,3,6,3,0,117,114,
        1,0,0,0,118,121,1,0,0,0,119,117,1,0,0,0,119,120,1,0,0,0,120,3,1,
        0,0,0,121,119,1,0,0,0,122,128,3,96,48,0,123,128,3,30,15,0,124,128,
        3,24,12,0,125,128,3,100,50,0,126,128,3,102,51,0,127,122,1,0,0,0,
        127,123,1,0,0,0,127,124,1,0,0,0,127,125,1,0,0,0,127,126,1,0,0,0,
        128,5,1,0,0,0,129,143,3,44,22,0,130,143,3,48,24,0,131,143,3,60,30,
        0,132,143,3,66,33,0,133,143,3,62,31,0,134,143,3,46,23,0,135,143,
        3,8,4,0,136,143,3,68,34,0,137,143,3,70,35,0,138,143,3,74,37,0,139,
        143,3,76,38,0,140,143,3,104,52,0,141,143,3,78,39,0,142,129,1,0,0,
        0,142,130,1,0,0,0,142,131,1,0,0,0,142,132,1,0,0,0,142,133,1,0,0,
        0,142,134,1,0,0,0,142,135,1,0,0,0,142,136,1,0,0,0,142,137,1,0,0,
        0,142,138,1,0,0,0,142,139,1,0,0,0,142,140,1,0,0,0,142,141,1,0,0,
        0,143,7,1,0,0,0,144,145,5,19,0,0,145,146,3,10,5,0,146,9,1,0,0,0,
        147,148,6,5,-1,0,148,149,5,46,0,0,149,176,3,10,5,7,150,176,3,14,
        7,0,151,176,3,12,6,0,152,154,3,14,7,0,153,155,5,46,0,0,154,153,1,
        0,0,0,154,155,1,0,0,0,155,156,1,0,0,0,156,157,5,43,0,0,157,158,5,
        42,0,0,158,163,3,14,7,0,159,160,5,36,0,0,160,162,3,14,7,0,161,159,
        1,0,0,0,162,165,1,0,0,0,163,161,1,0,0,0,163,164,1,0,0,0,164,166,
        1,0,0,0,165,163,1,0,0,0,166,167,5,52,0,0,167,176,1,0,0,0,168,169,
        3,14,7,0,169,171,5,44,0,0,170,172,5,46,0,0,171,170,1,0,0,0,171,172,
        1,0,0,0,172,173,1,0,0,0,173,174,5,47,0,0,174,176,1,0,0,0,175,147,
        1,0,0,0,175,150,1,0,0,0,175,151,1,0,0,0,175,152,1,0,0,0,175,168,
        1,0,0,0,176,185,1,0,0,0,177,178,10,4,0,0,178,179,5,32,0,0,179,184,
        3,10,5,5,180,181,10,3,0,0,181,182,5,49,0,0,182,184,3,10,5,4,183,
        177,1,0,0,0,183,180,1,0,0,0,184,187,1,0,0,0,185,183,1,0,0,0,185,
        186,1,0,0,0,186,11,1,0,0,0,187,185,1,0,0,0,188,190,3,14,7,0,189,
        191,5,46,0,0,190,189,1,0,0,0,190,191,1,0,0,0,191,192,1,0,0,0,192,
        193,5,45,0,0,193,194,3,92,46,0,194,203,1,0,0,0,195,197,3,14,7,0,
        196,198,5,46,0,0,197,196,1,0,0,0,197,198,1,0,0,0,198,199,1,0,0,0,
        199,200,5,51,0,0,200,201,3,92,46,0,201,203,1,0,0,0,202,188,1,0,0,
        0,202,195,1,0,0,0,203,13,1,0,0,0,204,210,3,16,8,0,205,206,3,16,8,
        0,206,207,3,94,47,0,207,208,3,16,8,0,208,210,1,0,0,0,209,204,1,0,
        0,0,209,205,1,0,0,0,210,15,1,0,0,0,211,212,6,8,-1,0,212,216,3,18,
        9,0,213,214,7,0,0,0,214,216,3,16,8,3,215,211,1,0,0,0,215,213,1,0,
        0,0,216,225,1,0,0,0,217,218,10,2,0,0,218,219,7,1,0,0,219,224,3,16,
        8,3,220,221,10,1,0,0,221,222,7,0,0,0,222,224,3,16,8,2,223,217,1,
        0,0,0,223,220,1,0,0,0,224,227,1,0,0,0,225,223,1,0,0,0,225,226,1,
        0,0,0,226,17,1,0,0,0,227,225,1,0,0,0,228,229,6,9,-1,0,229,237,3,
        58,29,0,230,237,3,50,25,0,231,237,3,20,10,0,232,233,5,42,0,0,233,
        234,3,10,5,0,234,235,5,52,0,0,235,237,1,0,0,0,236,228,1,0,0,0,236,
        230,1,0,0,0,236,231,1,0,0,0,236,232,1,0,0,0,237,243,1,0,0,0,238,
        239,10,1,0,0,239,240,5,35,0,0,240,242,3,22,11,0,241,238,1,0,0,0,
        242,245,1,0,0,0,243,241,1,0,0,0,243,244,1,0,0,0,244,19,1,0,0,0,245,
        243,1,0,0,0,246,247,3,54,27,0,247,257,5,42,0,0,248,258,5,63,0,0,
        249,254,3,10,5,0,250,251,5,36,0,0,251,253,3,10,5,0,252,250,1,0,0,
        0,253,256,1,0,0,0,254,252,1,0,0,0,254,255,1,0,0,0,255,258,1,0,0,
        0,256,254,1,0,0,0,257,248,1,0,0,0,257,249,1,0,0,0,257,258,1,0,0,
        0,258,259,1,0,0,0,259,260,5,52,0,0,260,21,1,0,0,0,261,262,3,54,27,
        0,262,23,1,0,0,0,263,264,5,15,0,0,264,265,3,26,13,0,265,25,1,0,0,
        0,266,271,3,28,14,0,267,268,5,36,0,0,268,270,3,28,14,0,269,267,1,
        0,0,0,270,273,1,0,0,0,271,269,1,0,0,0,271,272,1,0,0,0,272,27,1,0,
        0,0,273,271,1,0,0,0,274,280,3,10,5,0,275,276,3,50,25,0,276,277,5,
        34,0,0,277,278,3,10,5,0,278,280,1,0,0,0,279,274,1,0,0,0,279,275,
        1,0,0,0,280,29,1,0,0,0,281,282,5,6,0,0,282,287,3,32,16,0,283,284,
        5,36,0,0,284,286,3,32,16,0,285,283,1,0,0,0,286,289,1,0,0,0,287,285,
        1,0,0,0,287,288,1,0,0,0,288,291,1,0,0,0,289,287,1,0,0,0,290,292,
        3,38,19,0,291,290,1,0,0,0,291,292,1,0,0,0,292,294,1,0,0,0,293,295,
        3,34,17,0,294,293,1,0,0,0,294,295,1,0,0,0,295,31,1,0,0,0,296,297,
        7,2,0,0,297,33,1,0,0,0,298,299,5,73,0,0,299,304,3,36,18,0,300,301,
        5,36,0,0,301,303,3,36,18,0,302,300,1,0,0,0,303,306,1,0,0,0,304,302,
        1,0,0,0,304,305,1,0,0,0,305,35,1,0,0,0,306,304,1,0,0,0,307,308,3,
        92,46,0,308,309,5,34,0,0,309,310,3,92,46,0,310,37,1,0,0,0,311,314,
        3,40,20,0,312,314,3,42,21,0,313,311,1,0,0,0,313,312,1,0,0,0,314,
        39,1,0,0,0,315,316,5,74,0,0,316,321,3,32,16,0,317,318,5,36,0,0,318,
        320,3,32,16,0,319,317,1,0,0,0,320,323,1,0,0,0,321,319,1,0,0,0,321,
        322,1,0,0,0,322,41,1,0,0,0,323,321,1,0,0,0,324,325,5,66,0,0,325,
        326,3,40,20,0,326,327,5,67,0,0,327,43,1,0,0,0,328,329,5,4,0,0,329,
        330,3,26,13,0,330,45,1,0,0,0,331,333,5,18,0,0,332,334,3,26,13,0,
        333,332,1,0,0,0,333,334,1,0,0,0,334,337,1,0,0,0,335,336,5,31,0,0,
        336,338,3,26,13,0,337,335,1,0,0,0,337,338,1,0,0,0,338,47,1,0,0,0,
        339,340,5,8,0,0,340,343,3,26,13,0,341,342,5,31,0,0,342,344,3,26,
        13,0,343,341,1,0,0,0,343,344,1,0,0,0,344,49,1,0,0,0,345,350,3,54,
        27,0,346,347,5,38,0,0,347,349,3,54,27,0,348,346,1,0,0,0,349,352,
        1,0,0,0,350,348,1,0,0,0,350,351,1,0,0,0,351,51,1,0,0,0,352,350,1,
        0,0,0,353,358,3,56,28,0,354,355,5,38,0,0,355,357,3,56,28,0,356,354,
        1,0,0,0,357,360,1,0,0,0,358,356,1,0,0,0,358,359,1,0,0,0,359,53,1,
        0,0,0,360,358,1,0,0,0,361,362,7,3,0,0,362,55,1,0,0,0,363,364,5,79,
        0,0,364,57,1,0,0,0,365,408,5,47,0,0,366,367,3,90,45,0,367,368,5,
        68,0,0,368,408,1,0,0,0,369,408,3,88,44,0,370,408,3,90,45,0,371,408,
        3,84,42,0,372,408,5,50,0,0,373,408,3,92,46,0,374,375,5,66,0,0,375,
        380,3,86,43,0,376,377,5,36,0,0,377,379,3,86,43,0,378,376,1,0,0,0,
        379,382,1,0,0,0,380,378,1,0,0,0,380,381,1,0,0,0,381,383,1,0,0,0,
        382,380,1,0,0,0,383,384,5,67,0,0,384,408,1,0,0,0,385,386,5,66,0,
        0,386,391,3,84,42,0,387,388,5,36,0,0,388,390,3,84,42,0,389,387,1,
        0,0,0,390,393,1,0,0,0,391,389,1,0,0,0,391,392,1,0,0,0,392,394,1,
        0,0,0,393,391,1,0,0,0,394,395,5,67,0,0,395,408,1,0,0,0,396,397,5,
        66,0,0,397,402,3,92,46,0,398,399,5,36,0,0,399,401,3,92,46,0,400,
        398,1,0,0,0,401,404,1,0,0,0,402,400,1,0,0,0,402,403,1,0,0,0,403,
        405,1,0,0,0,404,402,1,0,0,0,405,406,5,67,0,0,406,408,1,0,0,0,407,
        365,1,0,0,0,407,366,1,0,0,0,407,369,1,0,0,0,407,370,1,0,0,0,407,
        371,1,0,0,0,407,372,1,0,0,0,407,373,1,0,0,0,407,374,1,0,0,0,407,
        385,1,0,0,0,407,396,1,0,0,0,408,59,1,0,0,0,409,410,5,10,0,0,410,
        411,5,29,0,0,411,61,1,0,0,0,412,413,5,17,0,0,413,418,3,64,32,0,414,
        415,5,36,0,0,415,417,3,64,32,0,416,414,1,0,0,0,417,420,1,0,0,0,418,
        416,1,0,0,0,418,419,1,0,0,0,419,63,1,0,0,0,420,418,1,0,0,0,421,423,
        3,10,5,0,422,424,7,4,0,0,423,422,1,0,0,0,423,424,1,0,0,0,424,427,
        1,0,0,0,425,426,5,48,0,0,426,428,7,5,0,0,427,425,1,0,0,0,427,428,
        1,0,0,0,428,65,1,0,0,0,429,430,5,9,0,0,430,435,3,52,26,0,431,432,
        5,36,0,0,432,434,3,52,26,0,433,431,1,0,0,0,434,437,1,0,0,0,435,433,
        1,0,0,0,435,436,1,0,0,0,436,67,1,0,0,0,437,435,1,0,0,0,438,439,5,
        2,0,0,439,444,3,52,26,0,440,441,5,36,0,0,441,443,3,52,26,0,442,440,
        1,0,0,0,443,446,1,0,0,0,444,442,1,0,0,0,444,445,1,0,0,0,445,69,1,
        0,0,0,446,444,1,0,0,0,447,448,5,14,0,0,448,453,3,72,36,0,449,450,
        5,36,0,0,450,452,3,72,36,0,451,449,1,0,0,0,452,455,1,0,0,0,453,451,
        1,0,0,0,453,454,1,0,0,0,454,71,1,0,0,0,455,453,1,0,0,0,456,457,3,
        52,26,0,457,458,5,83,0,0,458,459,3,52,26,0,459,73,1,0,0,0,460,461,
        5,1,0,0,461,462,3,18,9,0,462,464,3,92,46,0,463,465,3,80,40,0,464,
        463,1,0,0,0,464,465,1,0,0,0,465,75,1,0,0,0,466,467,5,7,0,0,467,468,
        3,18,9,0,468,469,3,92,46,0,469,77,1,0,0,0,470,471,5,13,0,0,471,472,
        3,50,25,0,472,79,1,0,0,0,473,478,3,82,41,0,474,475,5,36,0,0,475,
        477,3,82,41,0,476,474,1,0,0,0,477,480,1,0,0,0,478,476,1,0,0,0,478,
        479,1,0,0,0,479,81,1,0,0,0,480,478,1,0,0,0,481,482,3,54,27,0,482,
        483,5,34,0,0,483,484,3,58,29,0,484,83,1,0,0,0,485,486,7,6,0,0,486,
        85,1,0,0,0,487,490,3,88,44,0,488,490,3,90,45,0,489,487,1,0,0,0,489,
        488,1,0,0,0,490,87,1,0,0,0,491,493,7,0,0,0,492,491,1,0,0,0,492,493,
        1,0,0,0,493,494,1,0,0,0,494,495,5,30,0,0,495,89,1,0,0,0,496,498,
        7,0,0,0,497,496,1,0,0,0,497,498,1,0,0,0,498,499,1,0,0,0,499,500,
        5,29,0,0,500,91,1,0,0,0,501,502,5,28,0,0,502,93,1,0,0,0,503,504,
        7,7,0,0,504,95,1,0,0,0,505,506,5,5,0,0,506,507,3,98,49,0,507,97,
        1,0,0,0,508,509,5,66,0,0,509,510,3,2,1,0,510,511,5,67,0,0,511,99,
        1,0,0,0,512,513,5,16,0,0,513,514,5,102,0,0,514,101,1,0,0,0,515,516,
        5,12,0,0,516,517,5,106,0,0,517,103,1,0,0,0,518,519,5,3,0,0,519,522,
        5,89,0,0,520,521,5,87,0,0,521,523,3,52,26,0,522,520,1,0,0,0,522,
        523,1,0,0,0,523,533,1,0,0,0,524,525,5,88,0,0,525,530,3,106,53,0,
        526,527,5,36,0,0,527,529,3,106,53,0,528,526,1,0,0,0,529,532,1,0,
        0,0,530,528,1,0,0,0,530,531,1,0,0,0,531,534,1,0,0,0,532,530,1,0,
        0,0,533,524,1,0,0,0,533,534,1,0,0,0,534,105,1,0,0,0,535,536,3,52,
        26,0,536,537,5,34,0,0,537,539,1,0,0,0,538,535,1,0,0,0,538,539,1,
        0,0,0,539,540,1,0,0,0,540,541,3,52,26,0,541,107,1,0,0,0,52,119,127,
        142,154,163,171,175,183,185,190,197,202,209,215,223,225,236,243,
        254,257,271,279,287,291,294,304,313,321,333,337,343,350,358,380,
        391,402,407,418,423,427,435,444,453,464,478,489,492,497,522,530,
        533,538
    ];

    private static __ATN: antlr.ATN;
    public static get _ATN(): antlr.ATN {
        if (!EsqlBaseParser.__ATN) {
            EsqlBaseParser.__ATN = new antlr.ATNDeserializer().deserialize(EsqlBaseParser._serializedATN);
        }

        return EsqlBaseParser.__ATN;
    }


    private static readonly vocabulary = new antlr.Vocabulary(EsqlBaseParser.literalNames, EsqlBaseParser.symbolicNames, []);

    public override get vocabulary(): antlr.Vocabulary {
        return EsqlBaseParser.vocabulary;
    }

    private static readonly decisionsToDFA = EsqlBaseParser._ATN.decisionToState.map( (ds: antlr.DecisionState, index: number) => new antlr.DFA(ds, index) );
}

export class SingleStatementContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public query(): QueryContext {
        return this.getRuleContext(0, QueryContext)!;
    }
    public EOF(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.EOF, 0)!;
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_singleStatement;
    }
}


export class QueryContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_query;
    }
    public override copyFrom(ctx: QueryContext): void {
        super.copyFrom(ctx);
    }
}
export class SingleCommandQueryContext extends QueryContext {
    public constructor(ctx: QueryContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public sourceCommand(): SourceCommandContext {
        return this.getRuleContext(0, SourceCommandContext)!;
    }
}
export class CompositeQueryContext extends QueryContext {
    public constructor(ctx: QueryContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public query(): QueryContext {
        return this.getRuleContext(0, QueryContext)!;
    }
    public PIPE(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.PIPE, 0)!;
    }
    public processingCommand(): ProcessingCommandContext {
        return this.getRuleContext(0, ProcessingCommandContext)!;
    }
}


export class SourceCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public explainCommand(): ExplainCommandContext | null {
        return this.getRuleContext(0, ExplainCommandContext);
    }
    public fromCommand(): FromCommandContext | null {
        return this.getRuleContext(0, FromCommandContext);
    }
    public rowCommand(): RowCommandContext | null {
        return this.getRuleContext(0, RowCommandContext);
    }
    public showCommand(): ShowCommandContext | null {
        return this.getRuleContext(0, ShowCommandContext);
    }
    public metaCommand(): MetaCommandContext | null {
        return this.getRuleContext(0, MetaCommandContext);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_sourceCommand;
    }
}


export class ProcessingCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public evalCommand(): EvalCommandContext | null {
        return this.getRuleContext(0, EvalCommandContext);
    }
    public inlinestatsCommand(): InlinestatsCommandContext | null {
        return this.getRuleContext(0, InlinestatsCommandContext);
    }
    public limitCommand(): LimitCommandContext | null {
        return this.getRuleContext(0, LimitCommandContext);
    }
    public keepCommand(): KeepCommandContext | null {
        return this.getRuleContext(0, KeepCommandContext);
    }
    public sortCommand(): SortCommandContext | null {
        return this.getRuleContext(0, SortCommandContext);
    }
    public statsCommand(): StatsCommandContext | null {
        return this.getRuleContext(0, StatsCommandContext);
    }
    public whereCommand(): WhereCommandContext | null {
        return this.getRuleContext(0, WhereCommandContext);
    }
    public dropCommand(): DropCommandContext | null {
        return this.getRuleContext(0, DropCommandContext);
    }
    public renameCommand(): RenameCommandContext | null {
        return this.getRuleContext(0, RenameCommandContext);
    }
    public dissectCommand(): DissectCommandContext | null {
        return this.getRuleContext(0, DissectCommandContext);
    }
    public grokCommand(): GrokCommandContext | null {
        return this.getRuleContext(0, GrokCommandContext);
    }
    public enrichCommand(): EnrichCommandContext | null {
        return this.getRuleContext(0, EnrichCommandContext);
    }
    public mvExpandCommand(): MvExpandCommandContext | null {
        return this.getRuleContext(0, MvExpandCommandContext);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_processingCommand;
    }
}


export class WhereCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public WHERE(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.WHERE, 0)!;
    }
    public booleanExpression(): BooleanExpressionContext {
        return this.getRuleContext(0, BooleanExpressionContext)!;
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_whereCommand;
    }
}


export class BooleanExpressionContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_booleanExpression;
    }
    public override copyFrom(ctx: BooleanExpressionContext): void {
        super.copyFrom(ctx);
    }
}
export class LogicalNotContext extends BooleanExpressionContext {
    public constructor(ctx: BooleanExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public NOT(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.NOT, 0)!;
    }
    public booleanExpression(): BooleanExpressionContext {
        return this.getRuleContext(0, BooleanExpressionContext)!;
    }
}
export class BooleanDefaultContext extends BooleanExpressionContext {
    public constructor(ctx: BooleanExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public valueExpression(): ValueExpressionContext {
        return this.getRuleContext(0, ValueExpressionContext)!;
    }
}
export class RegexExpressionContext extends BooleanExpressionContext {
    public constructor(ctx: BooleanExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public regexBooleanExpression(): RegexBooleanExpressionContext {
        return this.getRuleContext(0, RegexBooleanExpressionContext)!;
    }
}
export class LogicalInContext extends BooleanExpressionContext {
    public constructor(ctx: BooleanExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public valueExpression(): ValueExpressionContext[];
    public valueExpression(i: number): ValueExpressionContext | null;
    public valueExpression(i?: number): ValueExpressionContext[] | ValueExpressionContext | null {
        if (i === undefined) {
            return this.getRuleContexts(ValueExpressionContext);
        }

        return this.getRuleContext(i, ValueExpressionContext);
    }
    public IN(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.IN, 0)!;
    }
    public LP(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.LP, 0)!;
    }
    public RP(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.RP, 0)!;
    }
    public NOT(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.NOT, 0);
    }
    public COMMA(): antlr.TerminalNode[];
    public COMMA(i: number): antlr.TerminalNode | null;
    public COMMA(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.COMMA);
    	} else {
    		return this.getToken(EsqlBaseParser.COMMA, i);
    	}
    }
}
export class IsNullContext extends BooleanExpressionContext {
    public constructor(ctx: BooleanExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public valueExpression(): ValueExpressionContext {
        return this.getRuleContext(0, ValueExpressionContext)!;
    }
    public IS(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.IS, 0)!;
    }
    public NULL(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.NULL, 0)!;
    }
    public NOT(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.NOT, 0);
    }
}
export class LogicalBinaryContext extends BooleanExpressionContext {
    public _left?: BooleanExpressionContext;
    public _operator?: Token | null;
    public _right?: BooleanExpressionContext;
    public constructor(ctx: BooleanExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public booleanExpression(): BooleanExpressionContext[];
    public booleanExpression(i: number): BooleanExpressionContext | null;
    public booleanExpression(i?: number): BooleanExpressionContext[] | BooleanExpressionContext | null {
        if (i === undefined) {
            return this.getRuleContexts(BooleanExpressionContext);
        }

        return this.getRuleContext(i, BooleanExpressionContext);
    }
    public AND(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.AND, 0);
    }
    public OR(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.OR, 0);
    }
}


export class RegexBooleanExpressionContext extends antlr.ParserRuleContext {
    public _kind?: Token | null;
    public _pattern?: StringContext;
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public valueExpression(): ValueExpressionContext {
        return this.getRuleContext(0, ValueExpressionContext)!;
    }
    public LIKE(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.LIKE, 0);
    }
    public string(): StringContext {
        return this.getRuleContext(0, StringContext)!;
    }
    public NOT(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.NOT, 0);
    }
    public RLIKE(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.RLIKE, 0);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_regexBooleanExpression;
    }
}


export class ValueExpressionContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_valueExpression;
    }
    public override copyFrom(ctx: ValueExpressionContext): void {
        super.copyFrom(ctx);
    }
}
export class ValueExpressionDefaultContext extends ValueExpressionContext {
    public constructor(ctx: ValueExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public operatorExpression(): OperatorExpressionContext {
        return this.getRuleContext(0, OperatorExpressionContext)!;
    }
}
export class ComparisonContext extends ValueExpressionContext {
    public _left?: OperatorExpressionContext;
    public _right?: OperatorExpressionContext;
    public constructor(ctx: ValueExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public comparisonOperator(): ComparisonOperatorContext {
        return this.getRuleContext(0, ComparisonOperatorContext)!;
    }
    public operatorExpression(): OperatorExpressionContext[];
    public operatorExpression(i: number): OperatorExpressionContext | null;
    public operatorExpression(i?: number): OperatorExpressionContext[] | OperatorExpressionContext | null {
        if (i === undefined) {
            return this.getRuleContexts(OperatorExpressionContext);
        }

        return this.getRuleContext(i, OperatorExpressionContext);
    }
}


export class OperatorExpressionContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_operatorExpression;
    }
    public override copyFrom(ctx: OperatorExpressionContext): void {
        super.copyFrom(ctx);
    }
}
export class OperatorExpressionDefaultContext extends OperatorExpressionContext {
    public constructor(ctx: OperatorExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public primaryExpression(): PrimaryExpressionContext {
        return this.getRuleContext(0, PrimaryExpressionContext)!;
    }
}
export class ArithmeticUnaryContext extends OperatorExpressionContext {
    public _operator?: Token | null;
    public constructor(ctx: OperatorExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public operatorExpression(): OperatorExpressionContext {
        return this.getRuleContext(0, OperatorExpressionContext)!;
    }
    public MINUS(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.MINUS, 0);
    }
    public PLUS(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.PLUS, 0);
    }
}
export class ArithmeticBinaryContext extends OperatorExpressionContext {
    public _left?: OperatorExpressionContext;
    public _operator?: Token | null;
    public _right?: OperatorExpressionContext;
    public constructor(ctx: OperatorExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public operatorExpression(): OperatorExpressionContext[];
    public operatorExpression(i: number): OperatorExpressionContext | null;
    public operatorExpression(i?: number): OperatorExpressionContext[] | OperatorExpressionContext | null {
        if (i === undefined) {
            return this.getRuleContexts(OperatorExpressionContext);
        }

        return this.getRuleContext(i, OperatorExpressionContext);
    }
    public ASTERISK(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.ASTERISK, 0);
    }
    public SLASH(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.SLASH, 0);
    }
    public PERCENT(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.PERCENT, 0);
    }
    public PLUS(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.PLUS, 0);
    }
    public MINUS(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.MINUS, 0);
    }
}


export class PrimaryExpressionContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_primaryExpression;
    }
    public override copyFrom(ctx: PrimaryExpressionContext): void {
        super.copyFrom(ctx);
    }
}
export class ConstantDefaultContext extends PrimaryExpressionContext {
    public constructor(ctx: PrimaryExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public constant(): ConstantContext {
        return this.getRuleContext(0, ConstantContext)!;
    }
}
export class DereferenceContext extends PrimaryExpressionContext {
    public constructor(ctx: PrimaryExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public qualifiedName(): QualifiedNameContext {
        return this.getRuleContext(0, QualifiedNameContext)!;
    }
}
export class FunctionContext extends PrimaryExpressionContext {
    public constructor(ctx: PrimaryExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public functionExpression(): FunctionExpressionContext {
        return this.getRuleContext(0, FunctionExpressionContext)!;
    }
}
export class ParenthesizedExpressionContext extends PrimaryExpressionContext {
    public constructor(ctx: PrimaryExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public LP(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.LP, 0)!;
    }
    public booleanExpression(): BooleanExpressionContext {
        return this.getRuleContext(0, BooleanExpressionContext)!;
    }
    public RP(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.RP, 0)!;
    }
}
export class InlineCastContext extends PrimaryExpressionContext {
    public constructor(ctx: PrimaryExpressionContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public primaryExpression(): PrimaryExpressionContext {
        return this.getRuleContext(0, PrimaryExpressionContext)!;
    }
    public CAST_OP(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.CAST_OP, 0)!;
    }
    public dataType(): DataTypeContext {
        return this.getRuleContext(0, DataTypeContext)!;
    }
}


export class FunctionExpressionContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public identifier(): IdentifierContext {
        return this.getRuleContext(0, IdentifierContext)!;
    }
    public LP(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.LP, 0)!;
    }
    public RP(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.RP, 0)!;
    }
    public ASTERISK(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.ASTERISK, 0);
    }
    public booleanExpression(): BooleanExpressionContext[];
    public booleanExpression(i: number): BooleanExpressionContext | null;
    public booleanExpression(i?: number): BooleanExpressionContext[] | BooleanExpressionContext | null {
        if (i === undefined) {
            return this.getRuleContexts(BooleanExpressionContext);
        }

        return this.getRuleContext(i, BooleanExpressionContext);
    }
    public COMMA(): antlr.TerminalNode[];
    public COMMA(i: number): antlr.TerminalNode | null;
    public COMMA(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.COMMA);
    	} else {
    		return this.getToken(EsqlBaseParser.COMMA, i);
    	}
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_functionExpression;
    }
}


export class DataTypeContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_dataType;
    }
    public override copyFrom(ctx: DataTypeContext): void {
        super.copyFrom(ctx);
    }
}
export class ToDataTypeContext extends DataTypeContext {
    public constructor(ctx: DataTypeContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public identifier(): IdentifierContext {
        return this.getRuleContext(0, IdentifierContext)!;
    }
}


export class RowCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public ROW(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.ROW, 0)!;
    }
    public fields(): FieldsContext {
        return this.getRuleContext(0, FieldsContext)!;
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_rowCommand;
    }
}


export class FieldsContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public field(): FieldContext[];
    public field(i: number): FieldContext | null;
    public field(i?: number): FieldContext[] | FieldContext | null {
        if (i === undefined) {
            return this.getRuleContexts(FieldContext);
        }

        return this.getRuleContext(i, FieldContext);
    }
    public COMMA(): antlr.TerminalNode[];
    public COMMA(i: number): antlr.TerminalNode | null;
    public COMMA(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.COMMA);
    	} else {
    		return this.getToken(EsqlBaseParser.COMMA, i);
    	}
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_fields;
    }
}


export class FieldContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public booleanExpression(): BooleanExpressionContext {
        return this.getRuleContext(0, BooleanExpressionContext)!;
    }
    public qualifiedName(): QualifiedNameContext | null {
        return this.getRuleContext(0, QualifiedNameContext);
    }
    public ASSIGN(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.ASSIGN, 0);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_field;
    }
}


export class FromCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public FROM(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.FROM, 0)!;
    }
    public fromIdentifier(): FromIdentifierContext[];
    public fromIdentifier(i: number): FromIdentifierContext | null;
    public fromIdentifier(i?: number): FromIdentifierContext[] | FromIdentifierContext | null {
        if (i === undefined) {
            return this.getRuleContexts(FromIdentifierContext);
        }

        return this.getRuleContext(i, FromIdentifierContext);
    }
    public COMMA(): antlr.TerminalNode[];
    public COMMA(i: number): antlr.TerminalNode | null;
    public COMMA(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.COMMA);
    	} else {
    		return this.getToken(EsqlBaseParser.COMMA, i);
    	}
    }
    public metadata(): MetadataContext | null {
        return this.getRuleContext(0, MetadataContext);
    }
    public fromOptions(): FromOptionsContext | null {
        return this.getRuleContext(0, FromOptionsContext);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_fromCommand;
    }
}


export class FromIdentifierContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public FROM_UNQUOTED_IDENTIFIER(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.FROM_UNQUOTED_IDENTIFIER, 0);
    }
    public QUOTED_IDENTIFIER(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.QUOTED_IDENTIFIER, 0);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_fromIdentifier;
    }
}


export class FromOptionsContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public OPTIONS(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.OPTIONS, 0)!;
    }
    public configOption(): ConfigOptionContext[];
    public configOption(i: number): ConfigOptionContext | null;
    public configOption(i?: number): ConfigOptionContext[] | ConfigOptionContext | null {
        if (i === undefined) {
            return this.getRuleContexts(ConfigOptionContext);
        }

        return this.getRuleContext(i, ConfigOptionContext);
    }
    public COMMA(): antlr.TerminalNode[];
    public COMMA(i: number): antlr.TerminalNode | null;
    public COMMA(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.COMMA);
    	} else {
    		return this.getToken(EsqlBaseParser.COMMA, i);
    	}
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_fromOptions;
    }
}


export class ConfigOptionContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public string_(): StringContext[];
    public string_(i: number): StringContext | null;
    public string_(i?: number): StringContext[] | StringContext | null {
        if (i === undefined) {
            return this.getRuleContexts(StringContext);
        }

        return this.getRuleContext(i, StringContext);
    }
    public ASSIGN(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.ASSIGN, 0)!;
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_configOption;
    }
}


export class MetadataContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public metadataOption(): MetadataOptionContext | null {
        return this.getRuleContext(0, MetadataOptionContext);
    }
    public deprecated_metadata(): Deprecated_metadataContext | null {
        return this.getRuleContext(0, Deprecated_metadataContext);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_metadata;
    }
}


export class MetadataOptionContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public METADATA(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.METADATA, 0)!;
    }
    public fromIdentifier(): FromIdentifierContext[];
    public fromIdentifier(i: number): FromIdentifierContext | null;
    public fromIdentifier(i?: number): FromIdentifierContext[] | FromIdentifierContext | null {
        if (i === undefined) {
            return this.getRuleContexts(FromIdentifierContext);
        }

        return this.getRuleContext(i, FromIdentifierContext);
    }
    public COMMA(): antlr.TerminalNode[];
    public COMMA(i: number): antlr.TerminalNode | null;
    public COMMA(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.COMMA);
    	} else {
    		return this.getToken(EsqlBaseParser.COMMA, i);
    	}
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_metadataOption;
    }
}


export class Deprecated_metadataContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public OPENING_BRACKET(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.OPENING_BRACKET, 0)!;
    }
    public metadataOption(): MetadataOptionContext {
        return this.getRuleContext(0, MetadataOptionContext)!;
    }
    public CLOSING_BRACKET(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.CLOSING_BRACKET, 0)!;
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_deprecated_metadata;
    }
}


export class EvalCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public EVAL(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.EVAL, 0)!;
    }
    public fields(): FieldsContext {
        return this.getRuleContext(0, FieldsContext)!;
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_evalCommand;
    }
}


export class StatsCommandContext extends antlr.ParserRuleContext {
    public _stats?: FieldsContext;
    public _grouping?: FieldsContext;
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public STATS(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.STATS, 0)!;
    }
    public BY(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.BY, 0);
    }
    public fields(): FieldsContext[];
    public fields(i: number): FieldsContext | null;
    public fields(i?: number): FieldsContext[] | FieldsContext | null {
        if (i === undefined) {
            return this.getRuleContexts(FieldsContext);
        }

        return this.getRuleContext(i, FieldsContext);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_statsCommand;
    }
}


export class InlinestatsCommandContext extends antlr.ParserRuleContext {
    public _stats?: FieldsContext;
    public _grouping?: FieldsContext;
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public INLINESTATS(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.INLINESTATS, 0)!;
    }
    public fields(): FieldsContext[];
    public fields(i: number): FieldsContext | null;
    public fields(i?: number): FieldsContext[] | FieldsContext | null {
        if (i === undefined) {
            return this.getRuleContexts(FieldsContext);
        }

        return this.getRuleContext(i, FieldsContext);
    }
    public BY(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.BY, 0);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_inlinestatsCommand;
    }
}


export class QualifiedNameContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public identifier(): IdentifierContext[];
    public identifier(i: number): IdentifierContext | null;
    public identifier(i?: number): IdentifierContext[] | IdentifierContext | null {
        if (i === undefined) {
            return this.getRuleContexts(IdentifierContext);
        }

        return this.getRuleContext(i, IdentifierContext);
    }
    public DOT(): antlr.TerminalNode[];
    public DOT(i: number): antlr.TerminalNode | null;
    public DOT(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.DOT);
    	} else {
    		return this.getToken(EsqlBaseParser.DOT, i);
    	}
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_qualifiedName;
    }
}


export class QualifiedNamePatternContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public identifierPattern(): IdentifierPatternContext[];
    public identifierPattern(i: number): IdentifierPatternContext | null;
    public identifierPattern(i?: number): IdentifierPatternContext[] | IdentifierPatternContext | null {
        if (i === undefined) {
            return this.getRuleContexts(IdentifierPatternContext);
        }

        return this.getRuleContext(i, IdentifierPatternContext);
    }
    public DOT(): antlr.TerminalNode[];
    public DOT(i: number): antlr.TerminalNode | null;
    public DOT(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.DOT);
    	} else {
    		return this.getToken(EsqlBaseParser.DOT, i);
    	}
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_qualifiedNamePattern;
    }
}


export class IdentifierContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public UNQUOTED_IDENTIFIER(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.UNQUOTED_IDENTIFIER, 0);
    }
    public QUOTED_IDENTIFIER(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.QUOTED_IDENTIFIER, 0);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_identifier;
    }
}


export class IdentifierPatternContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public ID_PATTERN(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.ID_PATTERN, 0)!;
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_identifierPattern;
    }
}


export class ConstantContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_constant;
    }
    public override copyFrom(ctx: ConstantContext): void {
        super.copyFrom(ctx);
    }
}
export class NullLiteralContext extends ConstantContext {
    public constructor(ctx: ConstantContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public NULL(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.NULL, 0)!;
    }
}
export class QualifiedIntegerLiteralContext extends ConstantContext {
    public constructor(ctx: ConstantContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public integerValue(): IntegerValueContext {
        return this.getRuleContext(0, IntegerValueContext)!;
    }
    public UNQUOTED_IDENTIFIER(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.UNQUOTED_IDENTIFIER, 0)!;
    }
}
export class DecimalLiteralContext extends ConstantContext {
    public constructor(ctx: ConstantContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public decimalValue(): DecimalValueContext {
        return this.getRuleContext(0, DecimalValueContext)!;
    }
}
export class IntegerLiteralContext extends ConstantContext {
    public constructor(ctx: ConstantContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public integerValue(): IntegerValueContext {
        return this.getRuleContext(0, IntegerValueContext)!;
    }
}
export class BooleanLiteralContext extends ConstantContext {
    public constructor(ctx: ConstantContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public booleanValue(): BooleanValueContext {
        return this.getRuleContext(0, BooleanValueContext)!;
    }
}
export class InputParamContext extends ConstantContext {
    public constructor(ctx: ConstantContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public PARAM(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.PARAM, 0)!;
    }
}
export class StringLiteralContext extends ConstantContext {
    public constructor(ctx: ConstantContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public string(): StringContext {
        return this.getRuleContext(0, StringContext)!;
    }
}
export class NumericArrayLiteralContext extends ConstantContext {
    public constructor(ctx: ConstantContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public OPENING_BRACKET(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.OPENING_BRACKET, 0)!;
    }
    public numericValue(): NumericValueContext[];
    public numericValue(i: number): NumericValueContext | null;
    public numericValue(i?: number): NumericValueContext[] | NumericValueContext | null {
        if (i === undefined) {
            return this.getRuleContexts(NumericValueContext);
        }

        return this.getRuleContext(i, NumericValueContext);
    }
    public CLOSING_BRACKET(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.CLOSING_BRACKET, 0)!;
    }
    public COMMA(): antlr.TerminalNode[];
    public COMMA(i: number): antlr.TerminalNode | null;
    public COMMA(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.COMMA);
    	} else {
    		return this.getToken(EsqlBaseParser.COMMA, i);
    	}
    }
}
export class BooleanArrayLiteralContext extends ConstantContext {
    public constructor(ctx: ConstantContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public OPENING_BRACKET(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.OPENING_BRACKET, 0)!;
    }
    public booleanValue(): BooleanValueContext[];
    public booleanValue(i: number): BooleanValueContext | null;
    public booleanValue(i?: number): BooleanValueContext[] | BooleanValueContext | null {
        if (i === undefined) {
            return this.getRuleContexts(BooleanValueContext);
        }

        return this.getRuleContext(i, BooleanValueContext);
    }
    public CLOSING_BRACKET(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.CLOSING_BRACKET, 0)!;
    }
    public COMMA(): antlr.TerminalNode[];
    public COMMA(i: number): antlr.TerminalNode | null;
    public COMMA(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.COMMA);
    	} else {
    		return this.getToken(EsqlBaseParser.COMMA, i);
    	}
    }
}
export class StringArrayLiteralContext extends ConstantContext {
    public constructor(ctx: ConstantContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public OPENING_BRACKET(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.OPENING_BRACKET, 0)!;
    }
    public string_(): StringContext[];
    public string_(i: number): StringContext | null;
    public string_(i?: number): StringContext[] | StringContext | null {
        if (i === undefined) {
            return this.getRuleContexts(StringContext);
        }

        return this.getRuleContext(i, StringContext);
    }
    public CLOSING_BRACKET(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.CLOSING_BRACKET, 0)!;
    }
    public COMMA(): antlr.TerminalNode[];
    public COMMA(i: number): antlr.TerminalNode | null;
    public COMMA(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.COMMA);
    	} else {
    		return this.getToken(EsqlBaseParser.COMMA, i);
    	}
    }
}


export class LimitCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public LIMIT(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.LIMIT, 0)!;
    }
    public INTEGER_LITERAL(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.INTEGER_LITERAL, 0)!;
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_limitCommand;
    }
}


export class SortCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public SORT(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.SORT, 0)!;
    }
    public orderExpression(): OrderExpressionContext[];
    public orderExpression(i: number): OrderExpressionContext | null;
    public orderExpression(i?: number): OrderExpressionContext[] | OrderExpressionContext | null {
        if (i === undefined) {
            return this.getRuleContexts(OrderExpressionContext);
        }

        return this.getRuleContext(i, OrderExpressionContext);
    }
    public COMMA(): antlr.TerminalNode[];
    public COMMA(i: number): antlr.TerminalNode | null;
    public COMMA(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.COMMA);
    	} else {
    		return this.getToken(EsqlBaseParser.COMMA, i);
    	}
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_sortCommand;
    }
}


export class OrderExpressionContext extends antlr.ParserRuleContext {
    public _ordering?: Token | null;
    public _nullOrdering?: Token | null;
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public booleanExpression(): BooleanExpressionContext {
        return this.getRuleContext(0, BooleanExpressionContext)!;
    }
    public NULLS(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.NULLS, 0);
    }
    public ASC(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.ASC, 0);
    }
    public DESC(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.DESC, 0);
    }
    public FIRST(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.FIRST, 0);
    }
    public LAST(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.LAST, 0);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_orderExpression;
    }
}


export class KeepCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public KEEP(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.KEEP, 0)!;
    }
    public qualifiedNamePattern(): QualifiedNamePatternContext[];
    public qualifiedNamePattern(i: number): QualifiedNamePatternContext | null;
    public qualifiedNamePattern(i?: number): QualifiedNamePatternContext[] | QualifiedNamePatternContext | null {
        if (i === undefined) {
            return this.getRuleContexts(QualifiedNamePatternContext);
        }

        return this.getRuleContext(i, QualifiedNamePatternContext);
    }
    public COMMA(): antlr.TerminalNode[];
    public COMMA(i: number): antlr.TerminalNode | null;
    public COMMA(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.COMMA);
    	} else {
    		return this.getToken(EsqlBaseParser.COMMA, i);
    	}
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_keepCommand;
    }
}


export class DropCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public DROP(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.DROP, 0)!;
    }
    public qualifiedNamePattern(): QualifiedNamePatternContext[];
    public qualifiedNamePattern(i: number): QualifiedNamePatternContext | null;
    public qualifiedNamePattern(i?: number): QualifiedNamePatternContext[] | QualifiedNamePatternContext | null {
        if (i === undefined) {
            return this.getRuleContexts(QualifiedNamePatternContext);
        }

        return this.getRuleContext(i, QualifiedNamePatternContext);
    }
    public COMMA(): antlr.TerminalNode[];
    public COMMA(i: number): antlr.TerminalNode | null;
    public COMMA(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.COMMA);
    	} else {
    		return this.getToken(EsqlBaseParser.COMMA, i);
    	}
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_dropCommand;
    }
}


export class RenameCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public RENAME(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.RENAME, 0)!;
    }
    public renameClause(): RenameClauseContext[];
    public renameClause(i: number): RenameClauseContext | null;
    public renameClause(i?: number): RenameClauseContext[] | RenameClauseContext | null {
        if (i === undefined) {
            return this.getRuleContexts(RenameClauseContext);
        }

        return this.getRuleContext(i, RenameClauseContext);
    }
    public COMMA(): antlr.TerminalNode[];
    public COMMA(i: number): antlr.TerminalNode | null;
    public COMMA(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.COMMA);
    	} else {
    		return this.getToken(EsqlBaseParser.COMMA, i);
    	}
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_renameCommand;
    }
}


export class RenameClauseContext extends antlr.ParserRuleContext {
    public _oldName?: QualifiedNamePatternContext;
    public _newName?: QualifiedNamePatternContext;
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public AS(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.AS, 0)!;
    }
    public qualifiedNamePattern(): QualifiedNamePatternContext[];
    public qualifiedNamePattern(i: number): QualifiedNamePatternContext | null;
    public qualifiedNamePattern(i?: number): QualifiedNamePatternContext[] | QualifiedNamePatternContext | null {
        if (i === undefined) {
            return this.getRuleContexts(QualifiedNamePatternContext);
        }

        return this.getRuleContext(i, QualifiedNamePatternContext);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_renameClause;
    }
}


export class DissectCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public DISSECT(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.DISSECT, 0)!;
    }
    public primaryExpression(): PrimaryExpressionContext {
        return this.getRuleContext(0, PrimaryExpressionContext)!;
    }
    public string(): StringContext {
        return this.getRuleContext(0, StringContext)!;
    }
    public commandOptions(): CommandOptionsContext | null {
        return this.getRuleContext(0, CommandOptionsContext);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_dissectCommand;
    }
}


export class GrokCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public GROK(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.GROK, 0)!;
    }
    public primaryExpression(): PrimaryExpressionContext {
        return this.getRuleContext(0, PrimaryExpressionContext)!;
    }
    public string(): StringContext {
        return this.getRuleContext(0, StringContext)!;
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_grokCommand;
    }
}


export class MvExpandCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public MV_EXPAND(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.MV_EXPAND, 0)!;
    }
    public qualifiedName(): QualifiedNameContext {
        return this.getRuleContext(0, QualifiedNameContext)!;
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_mvExpandCommand;
    }
}


export class CommandOptionsContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public commandOption(): CommandOptionContext[];
    public commandOption(i: number): CommandOptionContext | null;
    public commandOption(i?: number): CommandOptionContext[] | CommandOptionContext | null {
        if (i === undefined) {
            return this.getRuleContexts(CommandOptionContext);
        }

        return this.getRuleContext(i, CommandOptionContext);
    }
    public COMMA(): antlr.TerminalNode[];
    public COMMA(i: number): antlr.TerminalNode | null;
    public COMMA(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.COMMA);
    	} else {
    		return this.getToken(EsqlBaseParser.COMMA, i);
    	}
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_commandOptions;
    }
}


export class CommandOptionContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public identifier(): IdentifierContext {
        return this.getRuleContext(0, IdentifierContext)!;
    }
    public ASSIGN(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.ASSIGN, 0)!;
    }
    public constant(): ConstantContext {
        return this.getRuleContext(0, ConstantContext)!;
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_commandOption;
    }
}


export class BooleanValueContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public TRUE(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.TRUE, 0);
    }
    public FALSE(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.FALSE, 0);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_booleanValue;
    }
}


export class NumericValueContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public decimalValue(): DecimalValueContext | null {
        return this.getRuleContext(0, DecimalValueContext);
    }
    public integerValue(): IntegerValueContext | null {
        return this.getRuleContext(0, IntegerValueContext);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_numericValue;
    }
}


export class DecimalValueContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public DECIMAL_LITERAL(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.DECIMAL_LITERAL, 0)!;
    }
    public PLUS(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.PLUS, 0);
    }
    public MINUS(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.MINUS, 0);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_decimalValue;
    }
}


export class IntegerValueContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public INTEGER_LITERAL(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.INTEGER_LITERAL, 0)!;
    }
    public PLUS(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.PLUS, 0);
    }
    public MINUS(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.MINUS, 0);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_integerValue;
    }
}


export class StringContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public QUOTED_STRING(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.QUOTED_STRING, 0)!;
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_string;
    }
}


export class ComparisonOperatorContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public EQ(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.EQ, 0);
    }
    public NEQ(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.NEQ, 0);
    }
    public LT(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.LT, 0);
    }
    public LTE(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.LTE, 0);
    }
    public GT(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.GT, 0);
    }
    public GTE(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.GTE, 0);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_comparisonOperator;
    }
}


export class ExplainCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public EXPLAIN(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.EXPLAIN, 0)!;
    }
    public subqueryExpression(): SubqueryExpressionContext {
        return this.getRuleContext(0, SubqueryExpressionContext)!;
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_explainCommand;
    }
}


export class SubqueryExpressionContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public OPENING_BRACKET(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.OPENING_BRACKET, 0)!;
    }
    public query(): QueryContext {
        return this.getRuleContext(0, QueryContext)!;
    }
    public CLOSING_BRACKET(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.CLOSING_BRACKET, 0)!;
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_subqueryExpression;
    }
}


export class ShowCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_showCommand;
    }
    public override copyFrom(ctx: ShowCommandContext): void {
        super.copyFrom(ctx);
    }
}
export class ShowInfoContext extends ShowCommandContext {
    public constructor(ctx: ShowCommandContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public SHOW(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.SHOW, 0)!;
    }
    public INFO(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.INFO, 0)!;
    }
}


export class MetaCommandContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_metaCommand;
    }
    public override copyFrom(ctx: MetaCommandContext): void {
        super.copyFrom(ctx);
    }
}
export class MetaFunctionsContext extends MetaCommandContext {
    public constructor(ctx: MetaCommandContext) {
        super(ctx.parent, ctx.invokingState);
        super.copyFrom(ctx);
    }
    public META(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.META, 0)!;
    }
    public FUNCTIONS(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.FUNCTIONS, 0)!;
    }
}


export class EnrichCommandContext extends antlr.ParserRuleContext {
    public _policyName?: Token | null;
    public _matchField?: QualifiedNamePatternContext;
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public ENRICH(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.ENRICH, 0)!;
    }
    public ENRICH_POLICY_NAME(): antlr.TerminalNode {
        return this.getToken(EsqlBaseParser.ENRICH_POLICY_NAME, 0)!;
    }
    public ON(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.ON, 0);
    }
    public WITH(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.WITH, 0);
    }
    public enrichWithClause(): EnrichWithClauseContext[];
    public enrichWithClause(i: number): EnrichWithClauseContext | null;
    public enrichWithClause(i?: number): EnrichWithClauseContext[] | EnrichWithClauseContext | null {
        if (i === undefined) {
            return this.getRuleContexts(EnrichWithClauseContext);
        }

        return this.getRuleContext(i, EnrichWithClauseContext);
    }
    public qualifiedNamePattern(): QualifiedNamePatternContext | null {
        return this.getRuleContext(0, QualifiedNamePatternContext);
    }
    public COMMA(): antlr.TerminalNode[];
    public COMMA(i: number): antlr.TerminalNode | null;
    public COMMA(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(EsqlBaseParser.COMMA);
    	} else {
    		return this.getToken(EsqlBaseParser.COMMA, i);
    	}
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_enrichCommand;
    }
}


export class EnrichWithClauseContext extends antlr.ParserRuleContext {
    public _newName?: QualifiedNamePatternContext;
    public _enrichField?: QualifiedNamePatternContext;
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public qualifiedNamePattern(): QualifiedNamePatternContext[];
    public qualifiedNamePattern(i: number): QualifiedNamePatternContext | null;
    public qualifiedNamePattern(i?: number): QualifiedNamePatternContext[] | QualifiedNamePatternContext | null {
        if (i === undefined) {
            return this.getRuleContexts(QualifiedNamePatternContext);
        }

        return this.getRuleContext(i, QualifiedNamePatternContext);
    }
    public ASSIGN(): antlr.TerminalNode | null {
        return this.getToken(EsqlBaseParser.ASSIGN, 0);
    }
    public override get ruleIndex(): number {
        return EsqlBaseParser.RULE_enrichWithClause;
    }
}
