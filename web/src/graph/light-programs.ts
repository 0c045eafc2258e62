/**
 * The sigma side of ./level-of-detail.ts: the test for "the camera moves" and
 * a point program that draws only the top of its buffer while it does.
 */
import type Sigma from "sigma";
import { NodePointProgram } from "sigma/rendering";
import type { EdgeAttributes, NodeAttributes } from "../../../src/types.ts";
import { movingNodeCount } from "./level-of-detail.ts";

type AnySigma = Sigma<NodeAttributes, EdgeAttributes>;

/** sigma's own test for "the camera is moving" (Sigma#render), which decides hideEdgesOnMove. */
export function cameraMoving(sigma: AnySigma): boolean {
  const captor = sigma.getMouseCaptor();
  return sigma.getCamera().isAnimated() || captor.isMoving || captor.draggedEvents > 0 || captor.currentWheelDirection !== 0;
}

type ProgramInfo = Parameters<NodePointProgram<NodeAttributes, EdgeAttributes>["drawWebGL"]>[1];

/** sigma's point program, drawing only the top of the buffer while the camera moves. */
export class LevelOfDetailPointProgram extends NodePointProgram<NodeAttributes, EdgeAttributes> {
  override drawWebGL(method: number, info: ProgramInfo): void {
    const sigma = this.renderer as AnySigma;
    const moving = cameraMoving(sigma);
    // Nothing is picked while the camera moves (./scene.ts), so the picking pass waits for the still frame.
    if (moving && info === this.pickProgram) return;
    const drawn = moving ? movingNodeCount(this.verticesCount, sigma.getCamera().ratio) : this.verticesCount;
    if (drawn >= this.verticesCount) return super.drawWebGL(method, info);
    info.gl.bindFramebuffer(info.gl.FRAMEBUFFER, info.frameBuffer);
    info.gl.drawArrays(method, this.verticesCount - drawn, drawn);
  }
}
