/** The board primitive's one import path: `import { Board } from "…/components/kit/board"`. */
export { Board, type BoardProps } from "./board";
export type { BoardColumn, MoveOutcome } from "./types";
